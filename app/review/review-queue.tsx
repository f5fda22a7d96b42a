"use client";

import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { acceptMentionAction, moveMentionAction, rejectMentionAction } from "@/app/actions/mention-review";
import type { ActionState } from "@/lib/schemas/common";
import type { ReviewItem } from "@/server/services/list-review-queue";
import styles from "@/components/pledge-edit/pledge-edit.module.css";
import { ReviewCard } from "./review-card";

type Decision = "accept" | "reject" | "move";

const ACTIONS = { accept: acceptMentionAction, reject: rejectMentionAction, move: moveMentionAction };

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** The queue as a focusable list: j/k move, a accepts, r rejects, m opens the move form. */
export function ReviewQueue({ initialItems }: { initialItems: ReviewItem[] }) {
  const [items, setItems] = useState(initialItems);
  const [current, setCurrent] = useState(0);
  const [moving, setMoving] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const refs = useRef<(HTMLLIElement | null)[]>([]);
  const focusOnChange = useRef(false);

  useEffect(() => {
    if (!focusOnChange.current) return;
    focusOnChange.current = false;
    refs.current[current]?.focus();
  }, [current, items]);

  function go(index: number) {
    if (items.length === 0) return;
    focusOnChange.current = true;
    setCurrent(Math.max(0, Math.min(items.length - 1, index)));
  }

  function decide(item: ReviewItem, decision: Decision, extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set("mentionId", String(item.mentionId));
    form.set("pledgeId", String(item.pledgeId));
    for (const [key, value] of Object.entries(extra)) form.set(key, value);
    startTransition(async () => {
      const result = await ACTIONS[decision]({ ok: false }, form);
      if (!result.ok) {
        setError(result);
        return;
      }
      setError(null);
      setMoving(null);
      setAnnouncement(result.message ?? "Done.");
      const index = items.findIndex((candidate) => candidate.mentionId === item.mentionId);
      const rest = items.filter((candidate) => candidate.mentionId !== item.mentionId);
      setItems(rest);
      focusOnChange.current = true;
      setCurrent(Math.max(0, Math.min(index, rest.length - 1)));
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
    else return;
    event.preventDefault();
  }

  if (items.length === 0) {
    return (
      <p role="status" className="empty-state">
        {announcement ? `${announcement} ` : ""}Nothing left to review.
      </p>
    );
  }

  return (
    <div>
      <div className={styles.legend} aria-label="Keyboard shortcuts">
        <span>
          <kbd>j</kbd>/<kbd>k</kbd> next / previous
        </span>
        <span>
          <kbd>a</kbd> accept link
        </span>
        <span>
          <kbd>r</kbd> not a pledge
        </span>
        <span>
          <kbd>m</kbd> move to another pledge
        </span>
        <span className="muted">{items.length} to review</span>
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
