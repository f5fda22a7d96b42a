import { isEvidenceLink } from "@/lib/schemas/pledge-status";
import type { StoryEvent } from "@/server/queries/pledge-story";
import { dateTime } from "@/lib/format";
import type { ActionState } from "@/lib/schemas/common";
import { describeEvent, mergedOrigins } from "./describe-event";
import { UndoButton } from "./undo-button";
import styles from "./story.module.css";


type UndoAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const UNDOABLE = new Set(["MENTION_REJECTED", "LINK_ACCEPTED", "MENTION_MOVED", "MERGED"]);

/** The pledge's history, oldest first: what changed from what to what, who, and when to the minute. `undo` is given to analysts only. */
export function StatusHistory({ events, undo }: { events: StoryEvent[]; undo?: UndoAction }) {
  if (!events.length) return <p className="muted">No history recorded yet.</p>;
  const origins = mergedOrigins(events);
  const firstCreated = events.find((event) => event.kind === "CREATED" && !origins.has(event.id))?.id;
  return (
    <ol className={styles.history}>
      {events.map((event) => {
        const text = describeEvent(event, origins, event.id === firstCreated);
        return (
        <li key={event.id} data-kind={event.kind} data-testid="history-entry">
          <time dateTime={event.createdAt}>{dateTime(event.createdAt)}</time>
          <div>
            <strong>{text}</strong>
            <span className="muted"> by {event.userName ?? (event.data.by === "ingestion" ? "ingestion" : "an unknown user")}</span>
            {event.undone ? <span className="badge"> undone</span> : null}
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
            {undo && UNDOABLE.has(event.kind) && !event.undone ? <UndoButton eventId={event.id} action={undo} label={text} /> : null}
          </div>
        </li>
        );
      })}
    </ol>
  );
}
