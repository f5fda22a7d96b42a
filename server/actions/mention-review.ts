"use server";

import type { ActionState } from "@/lib/schemas/common";
import { acceptMention } from "@/server/services/accept-mention";
import { moveMention } from "@/server/services/move-mention";
import { rejectMention } from "@/server/services/reject-mention";
import { runAction } from "./run-action";

export async function acceptMentionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await acceptMention(actor, input);
    return { message: `Mention ${result.mentionId} accepted.`, version: result.version, undoEventId: result.eventId };
  });
}

export async function rejectMentionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await rejectMention(actor, input);
    return { message: `Mention ${result.mentionId} marked as not a pledge.`, version: result.version, undoEventId: result.eventId };
  });
}

export async function moveMentionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await moveMention(actor, input);
    return {
      message: result.createdPledge
        ? `Mention ${result.mentionId} moved to new pledge ${result.toPledgeId}.`
        : `Mention ${result.mentionId} moved to pledge ${result.toPledgeId}.`,
      undoEventId: result.eventId,
    };
  });
}
