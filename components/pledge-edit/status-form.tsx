"use client";

import { useActionState, useState } from "react";
import type { ActionState, FormAction } from "@/lib/schemas/common";
import { STATUSES, STATUS_INFO, isStatus } from "@/lib/status";
import { FieldError, FormFeedback } from "./form-feedback";
import styles from "./pledge-edit.module.css";

const INITIAL: ActionState = { ok: false };

/** The newest known state of the pledge: the action's answer when it is newer than the page's props. */
function currentStatus(state: ActionState, props: { status: string; version: number }): { status: string; version: number } {
  const answered = state.ok
    ? state.status && state.version ? { status: state.status, version: state.version } : null
    : state.conflict?.pledge ?? null;
  return answered && answered.version > props.version ? { status: answered.status, version: answered.version } : props;
}

/** Sets the status with the note, evidence and evidence date every rating change records. */
export function StatusForm({ pledgeId, version, status, action: changeStatus }: { pledgeId: number; version: number; status: string; action: FormAction }) {
  const [state, action, pending] = useActionState(changeStatus, INITIAL);
  const current = currentStatus(state, { status, version });
  const [chosen, setChosen] = useState(current.status);
  // After every answer (saved, conflict, refusal) and every refresh of the pledge, the select shows
  // the status the pledge has now, never a value nobody chose. React resets a form after its
  // action; a select's reset restores its default, so the select is uncontrolled with the current
  // status as its default, and is mounted anew whenever that status or the answer changes.
  const [seen, setSeen] = useState({ state, current: current.status, resets: 0 });
  if (seen.state !== state || seen.current !== current.status) {
    setSeen({ state, current: current.status, resets: seen.resets + 1 });
    setChosen(current.status);
  }
  const values = state.ok ? {} : (state.values ?? {});
  const invalid = (name: string) => (state.fieldErrors?.[name] ? true : undefined);

  return (
    <form action={action} className={styles.form} aria-label="Change status">
      <input type="hidden" name="pledgeId" value={pledgeId} />
      <input type="hidden" name="version" value={current.version} />
      <label className={styles.field}>
        New status
        <select key={seen.resets} name="status" defaultValue={current.status} onChange={(event) => setChosen(event.target.value)} aria-describedby="status-meaning">
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
