"use client";

import type { Ref } from "react";
import type { ReviewItem } from "@/server/queries/list-review-queue";
import styles from "@/components/pledge-edit/pledge-edit.module.css";

interface Props {
  item: ReviewItem;
  ref: Ref<HTMLLIElement>;
  current: boolean;
  moving: boolean;
  disabled: boolean;
  onFocus: () => void;
  onDecide: (decision: "accept" | "reject" | "move", extra?: Record<string, string>) => void;
  onStartMove: () => void;
  onCancelMove: () => void;
}

/** A quote with the pledge's own words in it marked. */
function Quote({ quote, phrase }: { quote: string; phrase: string | null }) {
  const at = phrase ? quote.indexOf(phrase) : -1;
  if (!phrase || at < 0) return <>{quote}</>;
  return (
    <>
      {quote.slice(0, at)}
      <mark>{phrase}</mark>
      {quote.slice(at + phrase.length)}
    </>
  );
}

/**
 * One item: a doubtful automatic link (this mention beside the pledge's first mention), or a mention
 * that started a new pledge although an earlier pledge came close (a possible repeat). Either way the
 * rival pledges the engine weighed are listed with their score, reason and first mention, each with
 * a button that moves the mention there.
 */
export function ReviewCard({ item, ref, current, moving, disabled, onFocus, onDecide, onStartMove, onCancelMove }: Props) {
  const repeat = item.kind === "repeat";
  return (
    <li
      ref={ref}
      tabIndex={current ? 0 : -1}
      className={styles.mention}
      data-current={current}
      data-testid="review-item"
      data-kind={item.kind}
      aria-label={
        repeat
          ? `Mention ${item.mentionId}, a new pledge that may repeat an earlier one (closest ${(item.nearest ?? 0).toFixed(2)})`
          : `Mention ${item.mentionId}, confidence ${item.confidence.toFixed(2)}, linked to ${item.pledgeTitle}`
      }
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
    >
      {repeat ? (
        <p className="small">
          <strong>Possible repeat</strong> · started{" "}
          <a href={`/pledges/${item.pledgeId}`}>
            pledge {item.pledgeId}: {item.pledgeTitle}
          </a>
          {item.pledgeMentions > 1 ? ` (${item.pledgeMentions} mentions)` : ""}; an earlier pledge scored{" "}
          <strong>{(item.nearest ?? 0).toFixed(2)}</strong>, just under the link threshold.
        </p>
      ) : (
        <p className="small">
          Confidence <strong>{item.confidence.toFixed(2)}</strong> · linked to{" "}
          <a href={`/pledges/${item.pledgeId}`}>
            pledge {item.pledgeId}: {item.pledgeTitle}
          </a>{" "}
          <span className="muted">({item.linkReason})</span>
        </p>
      )}
      <div className={styles.quotes}>
        <figure style={{ margin: 0 }}>
          <figcaption className="small muted">
            This mention · <a href={`/meetings/${item.meetingId}`}>{item.meetingTitle}</a> · {item.meetingDate}
          </figcaption>
          <blockquote className={styles.quote}>
            <Quote quote={item.quote} phrase={item.phrase} />
          </blockquote>
        </figure>
        {!(repeat && item.firstQuote === null) && (
          <figure style={{ margin: 0 }}>
            <figcaption className="small muted">
              {repeat ? "Another mention of the new pledge" : "The pledge's first mention"}
              {item.firstMeetingId !== null && (
                <>
                  {" "}
                  · <a href={`/meetings/${item.firstMeetingId}`}>{item.firstMeetingTitle}</a> · {item.firstMeetingDate}
                </>
              )}
            </figcaption>
            <blockquote className={styles.quote}>{item.firstQuote ?? "No other mention: this is the pledge's only one."}</blockquote>
          </figure>
        )}
      </div>
      {item.rivals.length > 0 && (
        <section aria-label={`Other pledges weighed for mention ${item.mentionId}`}>
          <h3 className="small" style={{ margin: "0.5rem 0 0.25rem" }}>
            {repeat ? "Earlier pledges it may repeat" : "Other pledges the engine weighed"}
          </h3>
          <ol className={styles.rivals}>
            {item.rivals.map((rival, i) => (
              <li key={rival.pledgeId} data-testid="review-rival">
                <p className="small" style={{ margin: 0 }}>
                  <strong>{rival.score.toFixed(2)}</strong> ·{" "}
                  <a href={`/pledges/${rival.pledgeId}`}>
                    pledge {rival.pledgeId}: {rival.pledgeTitle}
                  </a>{" "}
                  <span className="muted">({rival.reason})</span>
                </p>
                {rival.firstQuote && (
                  <blockquote className={styles.quote}>
                    <Quote quote={rival.firstQuote} phrase={rival.firstPhrase} />
                    {rival.firstMeetingId !== null && (
                      <span className="small muted">
                        {" "}
                        — <a href={`/meetings/${rival.firstMeetingId}`}>{rival.firstMeetingTitle}</a> · {rival.firstMeetingDate}
                      </span>
                    )}
                  </blockquote>
                )}
                <button
                  type="button"
                  className="button"
                  disabled={disabled}
                  onClick={() => onDecide("move", { toPledgeId: String(rival.pledgeId) })}
                  aria-label={`Move mention ${item.mentionId} to pledge ${rival.pledgeId}`}
                >
                  Same pledge: move here <kbd>{i + 1}</kbd>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className={styles.actions}>
        <button type="button" className="button" disabled={disabled} onClick={() => onDecide("accept")}>
          {repeat ? "Keep as a new pledge" : "Accept"} <kbd>a</kbd>
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => onDecide("reject")}>
          Not a pledge <kbd>r</kbd>
        </button>
        {!moving && (
          <button type="button" className="button" disabled={disabled} onClick={onStartMove}>
            Move… <kbd>m</kbd>
          </button>
        )}
      </div>
      {moving && (
        <form
          className={styles.actions}
          aria-label={`Move mention ${item.mentionId}`}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const extra: Record<string, string> = {};
            for (const key of ["toPledgeId", "newTitle"]) {
              const value = String(data.get(key) ?? "").trim();
              if (value) extra[key] = value;
            }
            onDecide("move", extra);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") onCancelMove();
          }}
        >
          <label style={{ display: "grid" }} className="small">
            To pledge number
            <input type="number" name="toPledgeId" min={1} autoFocus />
          </label>
          <label style={{ display: "grid" }} className="small">
            or a new pledge titled
            <input type="text" name="newTitle" maxLength={300} />
          </label>
          <button type="submit" className="button primary" disabled={disabled}>
            Move
          </button>
          <button type="button" className="button" onClick={onCancelMove}>
            Cancel (Esc)
          </button>
        </form>
      )}
    </li>
  );
}
