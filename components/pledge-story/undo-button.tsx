"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/schemas/common";
import { FormFeedback } from "@/components/pledge-edit/form-feedback";

type UndoAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Undo, started from the history entry itself; the server decides whether it still can. */
export function UndoButton({ eventId, action, label }: { eventId: number; action: UndoAction; label: string }) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  return (
    <form action={submit} aria-label={`Undo: ${label}`}>
      <input type="hidden" name="eventId" value={eventId} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Undoing…" : "Undo"}
      </button>
      <FormFeedback state={state} />
    </form>
  );
}
