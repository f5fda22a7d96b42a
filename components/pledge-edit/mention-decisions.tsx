"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/schemas/common";
import { FormFeedback } from "./form-feedback";
import styles from "./pledge-edit.module.css";

const INITIAL: ActionState = { ok: false };

/** Accept, reject ("not a pledge") or move one mention of a pledge; each is a form, so it also works without scripts. */
export function MentionDecisions({ mentionId, pledgeId, review, actions }: {
  mentionId: number;
  pledgeId: number;
  review: string;
  actions: { acceptMention: FormAction; rejectMention: FormAction; moveMention: FormAction };
}) {
  const [acceptState, accept, accepting] = useActionState(actions.acceptMention, INITIAL);
  const [rejectState, reject, rejecting] = useActionState(actions.rejectMention, INITIAL);
  const [moveState, move, moving] = useActionState(actions.moveMention, INITIAL);
  const ids = (
    <>
      <input type="hidden" name="mentionId" value={mentionId} />
      <input type="hidden" name="pledgeId" value={pledgeId} />
    </>
  );
  return (
    <div>
      <div className={styles.actions}>
        {review !== "ACCEPTED" && (
          <form action={accept}>
            {ids}
            <button type="submit" className="button" disabled={accepting}>
              Accept link
            </button>
          </form>
        )}
        {review !== "REJECTED" && (
          <form action={reject}>
            {ids}
            <button type="submit" className="button" disabled={rejecting}>
              Not a pledge
            </button>
          </form>
        )}
        <form action={move} className={styles.actions} aria-label={`Move mention ${mentionId}`}>
          {ids}
          <label className={styles.field}>
            Move to pledge number
            <input type="number" name="toPledgeId" min={1} defaultValue={moveState.values?.toPledgeId} />
          </label>
          <label className={styles.field}>
            or to a new pledge titled
            <input type="text" name="newTitle" maxLength={300} defaultValue={moveState.values?.newTitle} />
          </label>
          <button type="submit" className="button" disabled={moving}>
            Move
          </button>
        </form>
      </div>
      <FormFeedback state={acceptState} />
      <FormFeedback state={rejectState} />
      <FormFeedback state={moveState} />
      {moveState.fieldErrors && (
        <p className={styles.error}>{Object.values(moveState.fieldErrors).flat().join("; ")}</p>
      )}
    </div>
  );
}
