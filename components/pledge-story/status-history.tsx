import { isEvidenceLink } from "@/lib/schemas/pledge-status";
import type { StoryEvent } from "@/server/queries/pledge-story";
import { statusLabel } from "@/lib/status";
import { isoDate } from "@/lib/format";
import styles from "./story.module.css";

function describe(event: StoryEvent): string {
  switch (event.kind) {
    case "CREATED":
      return "Pledge first recorded";
    case "STATUS_CHANGED":
      return `Status changed from ${event.fromStatus ? statusLabel(event.fromStatus) : "none"} to ${event.toStatus ? statusLabel(event.toStatus) : "none"}`;
    case "RENAMED":
      return "Title changed";
    case "TOPIC_CHANGED":
      return "Topic changed";
    case "ACTORS_CHANGED":
      return "Actors changed";
    case "MERGED":
      return "Another pledge merged into this one";
    case "MENTION_MOVED":
      return "A mention was moved";
    case "MENTION_REJECTED":
      return "A mention was marked “not a pledge”";
    case "LINK_ACCEPTED":
      return "An analyst confirmed a mention belongs here";
    default:
      return event.kind;
  }
}

/** The pledge's history, oldest first, as analysts record it. */
export function StatusHistory({ events }: { events: StoryEvent[] }) {
  if (!events.length) return <p className="muted">No history recorded yet.</p>;
  return (
    <ol className={styles.history}>
      {events.map((event) => (
        <li key={event.id} data-kind={event.kind}>
          <time dateTime={event.createdAt}>{isoDate(event.createdAt)}</time>
          <div>
            <strong>{describe(event)}</strong>
            {event.userName ? <span className="muted"> by {event.userName}</span> : null}
            {event.note ? <p className={styles.note}>{event.note}</p> : null}
            {event.evidenceUrl ? (
              <p className="small" style={{ margin: 0 }}>
                Evidence:{" "}
                {isEvidenceLink(event.evidenceUrl) ? (
                  <a href={event.evidenceUrl} rel="noopener noreferrer" target="_blank">
                    {event.evidenceUrl}
                  </a>
                ) : (
                  <cite>{event.evidenceUrl}</cite>
                )}
                {event.evidenceDate ? ` (dated ${event.evidenceDate})` : null}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
