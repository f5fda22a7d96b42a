import { APIError } from "better-auth/api";
import { changePasswordSchema } from "@/lib/schemas/account";
import { getAuth } from "@/server/auth";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, ServiceError } from "./errors";
import { passwordProblem } from "./password-policy";

/**
 * A signed-in user changes their own password through the auth library's /change-password: it
 * checks the current password, stores the new hash and ends every other session. The policy runs
 * here too, with the user's own email and name, so the refusal names the field. The account history
 * row is written by the library's after-hook (server/auth.ts), whichever way the change arrives.
 */
export async function changeOwnPassword(actor: Actor | null, input: unknown, headers: Headers) {
  const who = authorise(actor, "VIEWER");
  const change = parseInput(changePasswordSchema, input);
  const weak = passwordProblem(change.newPassword, [who.email, who.name]);
  if (weak) throw new InvalidInputError({ newPassword: [weak] });
  try {
    await getAuth().api.changePassword({
      body: { currentPassword: change.currentPassword, newPassword: change.newPassword, revokeOtherSessions: true },
      headers,
    });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const code = (error.body as { code?: string } | undefined)?.code;
    if (code === "INVALID_PASSWORD") throw new InvalidInputError({ currentPassword: ["this is not your current password"] });
    if (code === "WEAK_PASSWORD") throw new InvalidInputError({ newPassword: [error.message] });
    if (error.statusCode === 401) throw new ServiceError("your session has ended; sign in again", 401, "unauthenticated");
    throw new ServiceError(error.message || "the password was not changed", error.statusCode, "refused");
  }
  return { email: who.email };
}
