"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/common";
import { getSession } from "@/server/auth";
import { changeOwnPassword } from "@/server/services/change-own-password";
import { formObject, toActionState } from "./run-action";

/** Passwords are never sent back to the form, not even after a refusal. */
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await changeOwnPassword(await getSession(), formObject(formData), await headers());
  } catch (error) {
    const state = toActionState(error);
    return state.fieldErrors ? { ...state, message: "Your password was not changed: see the field marked below." } : state;
  }
  // The change replaced this browser's session (the old one ended with the others). A redirect renders
  // the page with the new session cookie; re-rendering this request would still carry the old one.
  // The time makes each change's address new, so the form starts afresh after every change.
  redirect(`/account?passwordChanged=${Date.now()}`);
}
