"use server";

import type { ActionState } from "@/lib/schemas/common";
import { undoHistoryEntry } from "@/server/services/undo-history-entry";
import { runAction } from "./run-action";

/** Undoes a history entry (a review decision, a move or a merge); the service authorises and refuses. */
export async function undoHistoryEntryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await undoHistoryEntry(actor, input);
    return { message: result.message };
  });
}
