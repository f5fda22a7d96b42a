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

/** One automatic link: this mention beside the pledge's first mention, with its three decisions. */
export function ReviewCard({ item, ref, current, moving, disabled, onFocus, onDecide, onStartMove, onCancelMove }: Props) {
  return (
    <li
      ref={ref}
      tabIndex={current ? 0 : -1}
      className={styles.mention}
      data-current={current}
      data-testid="review-item"
      aria-label={`Mention ${item.mentionId}, confidence ${item.confidence.toFixed(2)}, linked to ${item.pledgeTitle}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
    >
      <p className="small">
        Confidence <strong>{item.confidence.toFixed(2)}</strong> · linked to{" "}
        <a href={`/pledges/${item.pledgeId}`}>
          pledge {item.pledgeId}: {item.pledgeTitle}
        </a>{" "}
        <span className="muted">({item.linkReason})</span>
      </p>
      <div className={styles.quotes}>
        <figure style={{ margin: 0 }}>
          <figcaption className="small muted">
            This mention · <a href={`/meetings/${item.meetingId}`}>{item.meetingTitle}</a> · {item.meetingDate}
          </figcaption>
          <blockquote className={styles.quote}>{item.quote}</blockquote>
        </figure>
        <figure style={{ margin: 0 }}>
          <figcaption className="small muted">
            The pledge&apos;s first mention
            {item.firstMeetingId !== null && (
              <>
                {" "}
                · <a href={`/meetings/${item.firstMeetingId}`}>{item.firstMeetingTitle}</a> · {item.firstMeetingDate}
              </>
            )}
          </figcaption>
          <blockquote className={styles.quote}>{item.firstQuote ?? "No other mention: this is the pledge's only one."}</blockquote>
        </figure>
      </div>
      <div className={styles.actions}>
        <button type="button" className="button" disabled={disabled} onClick={() => onDecide("accept")}>
          Accept <kbd>a</kbd>
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
