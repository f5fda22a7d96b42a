"use server";

import type { ActionState } from "@/lib/schemas/common";
import { roleLabel } from "@/lib/schemas/role";
import { changeUserRole } from "@/server/services/change-user-role";
import { createUser } from "@/server/services/create-user";
import { setUserActive } from "@/server/services/set-user-active";
import { runAction } from "./run-action";

export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const user = await createUser(actor, input);
    return { message: `Account ${user.email} created as ${roleLabel(user.role).toLowerCase()}.` };
  });
}

export async function changeUserRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await changeUserRole(actor, input);
    return { message: `${result.email} is now ${roleLabel(result.to).toLowerCase()} (was ${roleLabel(result.from).toLowerCase()}).` };
  });
}

export async function setUserActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (actor, input) => {
    const result = await setUserActive(actor, input);
    return { message: `${result.email} ${result.active ? "reactivated" : "deactivated: signed out everywhere"}.` };
  });
}
