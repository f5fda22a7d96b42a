"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/schemas/common";
import { FieldError, FormFeedback } from "@/components/pledge-edit/form-feedback";
import styles from "@/components/pledge-edit/pledge-edit.module.css";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

interface Candidate {
  id: number;
  title: string;
  outlet: string | null;
  meetingDate: string;
}

/**
 * An analyst's correction of which readouts report one meeting: a source filed under the wrong
 * meeting is separated; a readout of a meeting already stored is filed under it.
 */
export function MeetingSourceForm({ action, meetingId, isSource, candidates }: { action: Action; meetingId: number; isSource: boolean; candidates: Candidate[] }) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  if (isSource) {
    return (
      <form action={submit} className={styles.form} aria-label="Separate this readout">
        <input type="hidden" name="meetingId" value={meetingId} />
        <input type="hidden" name="primaryId" value="" />
        <p className="muted small">Not a readout of that meeting? Make it a meeting of its own; the pledges of both are recounted.</p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Separating…" : "Separate into its own meeting"}
        </button>
        <FormFeedback state={state} />
      </form>
    );
  }
  if (candidates.length === 0) return null;
  return (
    <form action={submit} className={styles.form} aria-label="File under another meeting">
      <input type="hidden" name="meetingId" value={meetingId} />
      <label className={styles.field}>
        Another outlet&apos;s readout of
        <select name="primaryId" defaultValue="" aria-describedby="primary-help" style={{ maxWidth: "100%" }}>
          <option value="" disabled>
            Choose a meeting…
          </option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.meetingDate} · {c.title}
              {c.outlet ? ` (${c.outlet})` : ""}
            </option>
          ))}
        </select>
      </label>
      <FieldError state={state} name="primaryId" id="primary-error" />
      <p id="primary-help" className="muted small">
        Meetings of the same countries within three days. A pledge both readouts report then counts once for the meeting.
      </p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Filing…" : "File as a source of that meeting"}
      </button>
      <FormFeedback state={state} />
    </form>
  );
}
