"use server";

import type { ActionState } from "@/lib/schemas/common";
import { createApiToken } from "@/server/services/create-api-token";
import { revokeApiToken } from "@/server/services/revoke-api-token";
import { runAction } from "./run-action";

export async function createApiTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const created = await createApiToken(actor, input);
    return { message: `Token "${created.name}" created for ${created.email}.`, token: created.token };
  });
}

export async function revokeApiTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const { revoked } = await revokeApiToken(actor, { id: input.id });
    return { message: revoked ? "Token revoked: it is refused from now on." : "That token was already revoked." };
  });
}
