import type { MeetingReadout } from "@/server/queries/meeting-readout";
import { longDate } from "@/lib/format";
import styles from "./readout.module.css";

export function MeetingFacts({ meeting }: { meeting: MeetingReadout }) {
  return (
    <dl className={styles.facts}>
      <dt>Meeting date</dt>
      <dd>
        {longDate(meeting.meetingDate)} <span className="muted small">({meeting.dateEvidence})</span>
      </dd>
      {meeting.publishedAt ? (
        <>
          <dt>Published</dt>
          <dd>{longDate(meeting.publishedAt)}</dd>
        </>
      ) : null}
      <dt>Place</dt>
      <dd>{meeting.place ?? "Not stated"}</dd>
      <dt>Outlet</dt>
      <dd>{meeting.outlet ?? "Unknown"}</dd>
      <dt>Sides</dt>
      <dd>{meeting.countries.join(" and ") || "—"}</dd>
      <dt>Original</dt>
      <dd className="small">
        {meeting.sourceUrl ? (
          <a href={meeting.sourceUrl} rel="noopener noreferrer nofollow" className="break">
            {meeting.sourceUrl}
          </a>
        ) : (
          <>No link kept; stored from {meeting.sourceName}</>
        )}
      </dd>
      <dt>Version</dt>
      <dd>{meeting.version}</dd>
      {meeting.storedBy ? (
        <>
          <dt>Stored</dt>
          <dd className="small">
            by {meeting.storedBy.name} on {longDate(meeting.storedBy.at)}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
