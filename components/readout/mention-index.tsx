import type { ReadoutMention } from "@/server/queries/meeting-readout";

/** A list of the pledges in this readout, each jumping to its highlight. */
export function MentionIndex({ mentions }: { mentions: ReadoutMention[] }) {
  if (!mentions.length) return <p className="muted">No pledges were found in this readout.</p>;
  return (
    <ol style={{ margin: 0, paddingLeft: "1.4rem" }}>
      {mentions.map((m) => (
        <li key={m.id} style={{ marginBottom: "var(--space-1)" }}>
          <a href={`#mention-${m.id}`}>{m.pledgeTitle}</a>{" "}
          <span className="muted small">
            {m.firstMentionDate === null ? "first mention" : <>repeated, first on <span className="nowrap">{m.firstMentionDate}</span></>}
          </span>
        </li>
      ))}
    </ol>
  );
}
