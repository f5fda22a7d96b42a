import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/schemas/common";
import { getSession, type Actor } from "@/server/auth";
import { failureMessage } from "@/server/runtime/db-errors";
import { ConflictError, InvalidInputError, ServiceError } from "@/server/services/errors";

/** FormData as the plain object the services validate; repeated fields become arrays. */
export function formObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

export function toActionState(error: unknown): ActionState {
  if (error instanceof InvalidInputError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ConflictError) return { ok: false, message: error.message, conflict: error.current };
  if (error instanceof ServiceError) return { ok: false, message: error.message };
  console.error(error);
  return { ok: false, message: failureMessage(error) };
}

/**
 * Every server action runs through here: the session is read on the server
 * (the service then checks the role), and a success refreshes every page so
 * tables and charts show the change at once.
 */
export async function runAction(
  formData: FormData,
  write: (actor: Actor | null, input: Record<string, unknown>) => Promise<Omit<ActionState, "ok" | "values"> & { message: string }>,
): Promise<ActionState> {
  const input = formObject(formData);
  try {
    const actor = await getSession();
    const result = await write(actor, input);
    revalidatePath("/", "layout");
    return { ok: true, ...result };
  } catch (error) {
    // After a conflict the page must show the current version, so the next attempt is made against it.
    if (error instanceof ConflictError) revalidatePath("/", "layout");
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(input)) if (typeof value === "string") values[key] = value;
    return { ...toActionState(error), values };
  }
}
