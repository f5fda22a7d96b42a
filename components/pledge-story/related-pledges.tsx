import Link from "next/link";
import type { RelatedPledge } from "@/server/queries/pledge-story";

export function RelatedPledges({ related, topicName }: { related: RelatedPledge[]; topicName: string }) {
  if (!related.length) return <p className="muted">No other pledge shares this topic or its key terms.</p>;
  return (
    <ul style={{ paddingLeft: "1.2rem", margin: 0 }}>
      {related.map((p) => (
        <li key={p.id} style={{ marginBottom: "var(--space-2)" }}>
          <Link href={`/pledges/${p.id}`}>{p.title}</Link>
          <div className="small muted">
            {p.sharedKeys.length ? `Shares “${p.sharedKeys.join("”, “")}”` : `Same topic: ${topicName}`} · {p.mentionCount} {p.mentionCount === 1 ? "mention" : "mentions"} in {p.meetingCount}{" "}
            {p.meetingCount === 1 ? "meeting" : "meetings"}
          </div>
        </li>
      ))}
    </ul>
  );
}
