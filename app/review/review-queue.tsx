"use client";

import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { acceptMentionAction, moveMentionAction, rejectMentionAction } from "@/server/actions/mention-review";
import { undoHistoryEntryAction } from "@/server/actions/undo";
import type { ActionState } from "@/lib/schemas/common";
import type { ReviewItem } from "@/server/queries/list-review-queue";
import styles from "@/components/pledge-edit/pledge-edit.module.css";
import { ReviewCard } from "./review-card";

type Decision = "accept" | "reject" | "move";

const ACTIONS = { accept: acceptMentionAction, reject: rejectMentionAction, move: moveMentionAction };

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** The last decision taken here: undoing it puts the item back where it was. */
interface Done {
  item: ReviewItem;
  index: number;
  eventId: number;
}

/**
 * The queue as a focusable list: j/k move, a accepts, r rejects, m opens the move form, u undoes the
 * last decision. The keys are heard only inside the list and never while typing in a field.
 */
export function ReviewQueue({ initialItems }: { initialItems: ReviewItem[] }) {
  const [items, setItems] = useState(initialItems);
  const [current, setCurrent] = useState(0);
  const [moving, setMoving] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const [lastDone, setLastDone] = useState<Done | null>(null);
  const refs = useRef<(HTMLLIElement | null)[]>([]);
  const focusOnChange = useRef(false);

  useEffect(() => {
    if (!focusOnChange.current) return;
    focusOnChange.current = false;
    refs.current[current]?.focus();
  }, [current, items]);

  function go(index: number) {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, index));
    // Staying on the same item changes no state, so no effect runs: focus it now (Esc from the move form).
    if (next === current) return refs.current[next]?.focus();
    focusOnChange.current = true;
    setCurrent(next);
  }

  /** Sends one decision or undo; on success the queue is changed by `then`, and focus follows. */
  function send(action: (previous: ActionState, form: FormData) => Promise<ActionState>, form: FormData, then: (result: ActionState) => number) {
    startTransition(async () => {
      const result = await action({ ok: false }, form);
      if (!result.ok) {
        setError(result);
        return;
      }
      setError(null);
      setAnnouncement(result.message ?? "Done.");
      focusOnChange.current = true;
      setCurrent(then(result));
    });
  }

  function decide(item: ReviewItem, decision: Decision, extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set("mentionId", String(item.mentionId));
    form.set("pledgeId", String(item.pledgeId));
    for (const [key, value] of Object.entries(extra)) form.set(key, value);
    send(ACTIONS[decision], form, (result) => {
      setMoving(null);
      const index = items.findIndex((candidate) => candidate.mentionId === item.mentionId);
      setLastDone(result.undoEventId ? { item, index, eventId: result.undoEventId } : null);
      const rest = items.filter((candidate) => candidate.mentionId !== item.mentionId);
      setItems(rest);
      return Math.max(0, Math.min(index, rest.length - 1));
    });
  }

  /** Puts the last decided item back where it was, once the server has undone the decision. */
  function undoLast() {
    const done = lastDone;
    if (!done || pending) return;
    const form = new FormData();
    form.set("eventId", String(done.eventId));
    send(undoHistoryEntryAction, form, () => {
      setLastDone(null);
      setItems([...items.slice(0, done.index), done.item, ...items.slice(done.index)]);
      return done.index;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const item = items[current];
    const key = event.key.toLowerCase();
    if (key === "j" || event.key === "ArrowDown") go(current + 1);
    else if (key === "k" || event.key === "ArrowUp") go(current - 1);
    else if (item && key === "a" && !pending) decide(item, "accept");
    else if (item && key === "r" && !pending) decide(item, "reject");
    else if (item && key === "m") setMoving(item.mentionId);
    else if (item && /^[1-9]$/.test(key) && item.rivals[Number(key) - 1] && !pending) decide(item, "move", { toPledgeId: String(item.rivals[Number(key) - 1].pledgeId) });
    else if (key === "u" && lastDone) undoLast();
    else return;
    event.preventDefault();
  }

  const undoButton = lastDone ? (
    <button type="button" className="button" disabled={pending} onClick={undoLast}>
      Undo last decision <kbd>u</kbd>
    </button>
  ) : null;

  if (items.length === 0) {
    return (
      <div>
        <p role="status" className="empty-state">
          {announcement ? `${announcement} ` : ""}Nothing left to review.
        </p>
        {undoButton}
      </div>
    );
  }

  return (
    <div>
      <div className={styles.legend} aria-label="Keyboard shortcuts">
        <span>
          <kbd>j</kbd>/<kbd>k</kbd> next / previous
        </span>
        <span>
          <kbd>a</kbd> accept link / keep new pledge
        </span>
        <span>
          <kbd>r</kbd> not a pledge
        </span>
        <span>
          <kbd>m</kbd> move to another pledge
        </span>
        <span>
          <kbd>1</kbd>–<kbd>3</kbd> move to a listed pledge
        </span>
        <span>
          <kbd>u</kbd> undo the last decision
        </span>
        <span className="muted">
          {items.length} to review
          {items.some((item) => item.kind === "repeat")
            ? ` (${items.filter((item) => item.kind === "link").length} doubtful links, ${items.filter((item) => item.kind === "repeat").length} possible repeats)`
            : ""}
        </span>
        {undoButton}
      </div>
      <p role="status" aria-live="polite" className="small">
        {pending ? "Saving…" : announcement}
      </p>
      {error?.message && (
        <p role="alert" className={styles.error}>
          {error.message}
          {error.fieldErrors ? ` ${Object.values(error.fieldErrors).flat().join("; ")}` : ""}
        </p>
      )}
      <ol className={styles.mentions} onKeyDown={onKeyDown} aria-label="Links to review">
        {items.map((item, index) => (
          <ReviewCard
            key={item.mentionId}
            item={item}
            ref={(element) => {
              refs.current[index] = element;
            }}
            current={index === current}
            moving={moving === item.mentionId}
            disabled={pending}
            onFocus={() => setCurrent(index)}
            onDecide={(decision, extra) => decide(item, decision, extra)}
            onStartMove={() => setMoving(item.mentionId)}
            onCancelMove={() => {
              setMoving(null);
              go(index);
            }}
          />
        ))}
      </ol>
    </div>
  );
}
