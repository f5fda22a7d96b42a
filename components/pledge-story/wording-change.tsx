import type { StoryMention } from "@/server/queries/pledge-story";
import { compareWording, type DiffPart } from "@/lib/wording";
import styles from "./story.module.css";

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.change === "added" ? (
          <ins key={i} className={styles.added}>
            {part.text}
          </ins>
        ) : part.change === "removed" ? (
          <del key={i} className={styles.removed}>
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** This mention's wording beside the previous one, with the words that changed marked. */
export function WordingChange({ previous, current }: { previous: StoryMention; current: StoryMention }) {
  const change = compareWording(previous, current);
  const tagClass = change.shift === "firmed up" ? "badge firmed" : change.shift === "softened" ? "badge softened" : "badge";
  return (
    <div className={styles.wording}>
      <p className={styles.wordingHead}>
        <span>Wording since {previous.meetingDate}</span>
        {change.shift !== "unchanged" ? (
          <span className={tagClass} data-testid="wording-shift">
            {change.shift === "firmed up" ? "Firmed up" : change.shift === "softened" ? "Softened" : "Firmer in one way, softer in another"}
            {change.reasons.length ? `: ${change.reasons.join("; ")}` : ""}
          </span>
        ) : (
          <span className="badge">Same firmness</span>
        )}
      </p>
      <div className={styles.sideBySide}>
        <div>
          <span className="muted small">Before</span>
          <p>
            <Parts parts={change.before} />
          </p>
        </div>
        <div>
          <span className="muted small">Now</span>
          <p>
            <Parts parts={change.after} />
          </p>
        </div>
      </div>
    </div>
  );
}
