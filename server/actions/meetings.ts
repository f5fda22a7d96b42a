"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/common";
import { deleteMeeting } from "@/server/services/delete-meeting";
import { setMeetingSource } from "@/server/services/set-meeting-source";
import { runAction } from "./run-action";

/** Deletes a meeting, then shows the meetings list with what was deleted. */
export async function deleteMeetingAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  let deleted: { title: string; readouts: number; removedPledges: number } | null = null;
  const state = await runAction(formData, async (actor, input) => {
    deleted = await deleteMeeting(actor, input);
    return { message: `Deleted "${deleted.title}".` };
  });
  if (!state.ok || !deleted) return state;
  const { title, readouts, removedPledges } = deleted as { title: string; readouts: number; removedPledges: number };
  redirect(`/meetings?deleted=${encodeURIComponent(title)}&readouts=${readouts}&removed=${removedPledges}`);
}

/** Files a readout under another meeting, or makes a source a meeting of its own. */
export async function setMeetingSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await setMeetingSource(actor, input);
    return {
      message: result.primaryId
        ? `Filed as a source of meeting ${result.primaryId}: pledges both readouts report now count once.`
        : "Separated: this readout is now a meeting of its own.",
    };
  });
}
