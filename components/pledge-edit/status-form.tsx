"use client";

import { useActionState, useState } from "react";
import { changeStatusAction } from "@/app/actions/pledge-edit";
import type { ActionState } from "@/lib/schemas/common";
import { STATUSES, STATUS_INFO, isStatus } from "@/lib/status";
import { FieldError, FormFeedback } from "./form-feedback";
import styles from "./pledge-edit.module.css";

const INITIAL: ActionState = { ok: false };

/** Sets the status with the note, evidence and evidence date every rating change records. */
export function StatusForm({ pledgeId, version, status }: { pledgeId: number; version: number; status: string }) {
  const [state, action, pending] = useActionState(changeStatusAction, INITIAL);
  const [chosen, setChosen] = useState(status);
  // After every answer (saved, conflict, refusal) and every refresh of the pledge, the select shows
  // the status the pledge has now: React resets the form after an action, and a select left on a
  // value nobody chose would record that value on the next save.
  const [seen, setSeen] = useState({ state, status, version, resets: 0 });
  if (seen.state !== state || seen.status !== status || seen.version !== version) {
    setSeen({ state, status, version, resets: seen.resets + 1 });
    setChosen(status);
  }
  const values = state.ok ? {} : (state.values ?? {});
  const invalid = (name: string) => (state.fieldErrors?.[name] ? true : undefined);

  return (
    <form action={action} className={styles.form} aria-label="Change status">
      <input type="hidden" name="pledgeId" value={pledgeId} />
      <input type="hidden" name="version" value={version} />
      <label className={styles.field}>
        New status
        <select key={seen.resets} name="status" value={chosen} onChange={(event) => setChosen(event.target.value)} aria-describedby="status-meaning">
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_INFO[value].label}
            </option>
          ))}
        </select>
      </label>
      <p id="status-meaning" className="muted small">
        {isStatus(chosen) ? STATUS_INFO[chosen].meaning : ""}
      </p>
      <label className={styles.field}>
        Note (required: why the status changes)
        <textarea
          name="note"
          required
          minLength={3}
          maxLength={4000}
          defaultValue={values.note}
          aria-invalid={invalid("note")}
          aria-describedby="status-note-error"
        />
      </label>
      <FieldError state={state} name="note" id="status-note-error" />
      <div className={styles.row}>
        <label className={styles.field}>
          Evidence: a link or a citation
          <input
            type="text"
            name="evidenceUrl"
            maxLength={1000}
            size={40}
            defaultValue={values.evidenceUrl}
            aria-invalid={invalid("evidenceUrl")}
            aria-describedby="status-evidence-error"
          />
        </label>
        <label className={styles.field}>
          Date the evidence refers to
          <input
            type="date"
            name="evidenceDate"
            defaultValue={values.evidenceDate}
            aria-invalid={invalid("evidenceDate")}
            aria-describedby="status-date-error"
          />
        </label>
      </div>
      <FieldError state={state} name="evidenceUrl" id="status-evidence-error" />
      <FieldError state={state} name="evidenceDate" id="status-date-error" />
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Saving…" : "Save status"}
        </button>
      </div>
      <FormFeedback state={state} />
    </form>
  );
}
