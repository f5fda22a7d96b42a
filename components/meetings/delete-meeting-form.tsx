"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/schemas/common";
import { FormFeedback } from "@/components/pledge-edit/form-feedback";
import styles from "@/components/pledge-edit/pledge-edit.module.css";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Two steps: say what will go, then delete. */
export function DeleteMeetingForm({ action, meetingId, readouts, pledges }: { action: Action; meetingId: number; readouts: number; pledges: number }) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button danger" onClick={() => setAsking(true)}>
        Delete this meeting…
      </button>
    );
  }
  return (
    <form action={submit} className={styles.form} aria-label="Delete this meeting">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="confirm" value="delete" />
      <p role="alert">
        This deletes {readouts === 1 ? "this readout" : `${readouts} readouts (every version and source)`} and its{" "}
        {pledges === 1 ? "1 pledge mention" : `${pledges} pledge mentions`}. Pledges no other readout mentions are removed; counts, first mentions and
        charts are recomputed. The meeting&apos;s deletion is kept in the history.
      </p>
      <div className={styles.row}>
        <button type="submit" className="button danger" disabled={pending}>
          {pending ? "Deleting…" : "Delete for good"}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)} disabled={pending}>
          Keep it
        </button>
      </div>
      <FormFeedback state={state} />
    </form>
  );
}
