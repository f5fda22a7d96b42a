"use server";

import type { ActionState } from "@/lib/schemas/common";
import { statusLabel } from "@/lib/status";
import { changePledgeActors } from "@/server/services/change-pledge-actors";
import { changePledgeStatus } from "@/server/services/change-pledge-status";
import { changePledgeTopic } from "@/server/services/change-pledge-topic";
import { mergePledges } from "@/server/services/merge-pledges";
import { renamePledge } from "@/server/services/rename-pledge";
import { runAction } from "./run-action";

export async function changeStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const pledge = await changePledgeStatus(actor, input);
    return { message: `Status set to ${statusLabel(pledge.status)}.`, version: pledge.version, status: pledge.status };
  });
}

export async function renamePledgeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await renamePledge(actor, input);
    return { message: "Title saved.", version: result.version };
  });
}

export async function changeTopicAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await changePledgeTopic(actor, input);
    return { message: `Topic set to ${result.topic.slug}.`, version: result.version };
  });
}

export async function changeActorsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    // Checkboxes: none ticked means an empty list, not a missing field.
    const result = await changePledgeActors(actor, { ...input, actors: formData.getAll("actors") });
    return { message: `Actors set to ${result.actors.join(" and ")}.`, version: result.version };
  });
}

export async function mergePledgesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await mergePledges(actor, input);
    return {
      message: `Pledge ${result.mergedId} merged into this one: ${result.movedMentions} mentions and ${result.movedHistory} history entries moved.`,
      version: result.version,
    };
  });
}
