import type { MeetingReadout } from "@/server/queries/meeting-readout";

export function ParticipantList({ participants }: { participants: MeetingReadout["participants"] }) {
  if (!participants.length) return <p className="muted">No participants recorded.</p>;
  return (
    <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
      {participants.map((p) => (
        <li key={p.name}>
          {p.name}
          {p.role || p.side ? <span className="muted small"> — {[p.role, p.side].filter(Boolean).join(", ")}</span> : null}
        </li>
      ))}
    </ul>
  );
}
