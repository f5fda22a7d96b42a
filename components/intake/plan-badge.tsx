import type { MentionPlan } from "@/server/ingest/ingest-readout";
import styles from "./intake.module.css";

/** A short label for a mention: "New pledge", "Linked 0.82" or "Kept"; a weak link stands out. */
export function PlanBadge({ plan, lowConfidence }: { plan: MentionPlan; lowConfidence: number }) {
  if (plan.kind === "new") return <span className={`badge ${styles.new}`}>New pledge</span>;
  if (plan.kind === "kept") return <span className={`badge ${styles.kept}`}>Kept</span>;
  const low = plan.confidence < lowConfidence;
  return (
    <span className={low ? `badge ${styles.low}` : "badge"}>
      Linked {plan.confidence.toFixed(2)}
      {low ? " (low)" : ""}
    </span>
  );
}
