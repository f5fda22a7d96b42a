import Link from "next/link";
import type { Overview } from "@/server/queries/overview";
import { longDate } from "@/lib/format";

const SHOWN = 6;

function More({ total, meetingId }: { total: number; meetingId: number }) {
  if (total <= SHOWN) return null;
  return (
    <li className="muted small" style={{ listStyle: "none" }}>
      and {total - SHOWN} more: <Link href={`/meetings/${meetingId}`}>see the readout</Link>
    </li>
  );
}

/** The latest meeting: which pledges it made for the first time and which it repeated. */
export function NewestMeetingCard({ newest }: { newest: Overview["newest"] }) {
  if (!newest) {
    return (
      <section className="card">
        <h2>Newest meeting</h2>
        <p className="muted">No meetings yet. Ingest a readout to start.</p>
      </section>
    );
  }
  return (
    <section className="card" data-testid="newest-meeting">
      <h2>Newest meeting</h2>
      <p>
        <Link href={`/meetings/${newest.id}`}>{newest.title}</Link>
        <br />
        <span className="muted small">
          {longDate(newest.meetingDate)}
          {newest.outlet ? ` · ${newest.outlet}` : ""}
        </span>
      </p>
      <h3>Added {newest.added.length} new {newest.added.length === 1 ? "pledge" : "pledges"}</h3>
      {newest.added.length ? (
        <ul style={{ margin: "0 0 var(--space-3)", paddingLeft: "1.2rem" }}>
          {newest.added.slice(0, SHOWN).map((p) => (
            <li key={p.id}>
              <Link href={`/pledges/${p.id}`}>{p.title}</Link>
            </li>
          ))}
          <More total={newest.added.length} meetingId={newest.id} />
        </ul>
      ) : (
        <p className="muted small">Nothing new: every pledge in it had been made before.</p>
      )}
      <h3>Repeated {newest.repeated.length} earlier {newest.repeated.length === 1 ? "pledge" : "pledges"}</h3>
      {newest.repeated.length ? (
        <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
          {newest.repeated.slice(0, SHOWN).map((p) => (
            <li key={p.id}>
              <Link href={`/pledges/${p.id}`}>{p.title}</Link>{" "}
              <span className="muted small">first on {p.firstMentionDate}</span>
            </li>
          ))}
          <More total={newest.repeated.length} meetingId={newest.id} />
        </ul>
      ) : (
        <p className="muted small">It repeated nothing said before.</p>
      )}
    </section>
  );
}
