"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/common";
import { deleteMeeting } from "@/server/services/delete-meeting";
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
