import Link from "next/link";
import type { MeetingReadout } from "@/server/queries/meeting-readout";
import { dateTime } from "@/lib/format";

/** Where this readout stands among the meeting's versions and sources. */
export function MeetingLife({ meeting }: { meeting: MeetingReadout }) {
  const { replacedBy, earlierVersions, sourceOf, otherSources } = meeting;
  if (!replacedBy && earlierVersions.length === 0 && !sourceOf && otherSources.length === 0) {
    return <p className="muted">One readout, first version: no other version or outlet&apos;s readout of this meeting is stored.</p>;
  }
  return (
    <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
      {sourceOf ? (
        <li>
          Another outlet&apos;s readout of <Link href={`/meetings/${sourceOf.id}`}>{sourceOf.title}</Link>
          {sourceOf.outlet ? ` (${sourceOf.outlet})` : ""}. A pledge both report counts once for the meeting.
        </li>
      ) : null}
      {otherSources.length > 0 ? (
        <li>
          {sourceOf ? "Other sources" : "Also reported by"}:
          <ul>
            {otherSources.map((s) => (
              <li key={s.id}>
                <Link href={`/meetings/${s.id}`}>{s.outlet ?? s.title}</Link>
                {s.sourceUrl ? (
                  <>
                    {" · "}
                    <a href={s.sourceUrl} rel="noopener noreferrer nofollow">
                      original
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ) : null}
      {earlierVersions.length > 0 ? (
        <li>
          Earlier versions:
          <ul>
            {earlierVersions.map((v) => (
              <li key={v.id}>
                <Link href={`/meetings/${v.id}`}>Version {v.version}</Link>
                {v.replacedAt ? <span className="muted small"> · replaced {dateTime(v.replacedAt)}</span> : null}
              </li>
            ))}
          </ul>
        </li>
      ) : null}
    </ul>
  );
}

/** What happened to this meeting after it was first stored. */
export function MeetingHistory({ history }: { history: MeetingReadout["history"] }) {
  if (history.length === 0) return <p className="muted">Nothing has changed since it was stored.</p>;
  return (
    <ol className="stack" style={{ listStyle: "none", padding: 0 }} aria-label="Meeting history">
      {history.map((entry) => (
        <li key={entry.id} data-testid="meeting-event">
          <time dateTime={entry.at} className="muted">
            {dateTime(entry.at)}
          </time>{" "}
          · {entry.summary} · by {entry.by ?? "ingestion from the command line"}
        </li>
      ))}
    </ol>
  );
}
