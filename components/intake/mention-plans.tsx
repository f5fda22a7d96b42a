import Link from "next/link";
import type { MentionPlan } from "@/server/ingest/ingest-readout";
import { showBidiControls } from "@/lib/bidi";
import { PlanBadge } from "./plan-badge";
import styles from "./intake.module.css";

/** What storing does with one mention. */
function Outcome({ plan }: { plan: MentionPlan }) {
  if (plan.kind === "new") {
    const close = plan.closest;
    return (
      <>
        starts a new pledge, “{showBidiControls(plan.pledgeTitle)}”
        {close ? (
          <>
            ; a possible repeat of <Link href={`/pledges/${close.pledgeId}`}>{showBidiControls(close.pledgeTitle)}</Link> (scored{" "}
            {close.score.toFixed(2)}, under the link threshold), to check in the review queue
          </>
        ) : null}
      </>
    );
  }
  const pledge = plan.pledgeId ? <Link href={`/pledges/${plan.pledgeId}`}>{showBidiControls(plan.pledgeTitle)}</Link> : showBidiControls(plan.pledgeTitle);
  if (plan.kind === "kept") return <>kept from the previous version, with its pledge {pledge}</>;
  return (
    <>
      linked to {pledge} with confidence {plan.confidence.toFixed(2)}
    </>
  );
}

/** Every mention the preview found, in reading order, with its proposed link, confidence and reason. */
export function MentionPlans({ plans, lowConfidence, label }: { plans: MentionPlan[]; lowConfidence: number; label: string }) {
  if (plans.length === 0) return <p className="muted">No pledge found in this readout.</p>;
  return (
    <ol className={styles.mentions} aria-label={label}>
      {plans.map((plan, i) => (
        <li key={i} data-testid="mention-plan">
          <PlanBadge plan={plan} lowConfidence={lowConfidence} /> “{showBidiControls(plan.phrase)}”: <Outcome plan={plan} />
          {plan.reason ? <span className="muted small"> ({plan.reason})</span> : null}
        </li>
      ))}
    </ol>
  );
}
