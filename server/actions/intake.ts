"use server";

import { revalidatePath } from "next/cache";
import type { FieldErrors } from "@/lib/schemas/common";
import { getSession } from "@/server/auth";
import { intakeReadout, type IntakeResult } from "@/server/services/intake-readout";
import { formObject, toActionState } from "./run-action";

/** A readout's preview or storing, or why the request itself was refused (role, fields). */
export type IntakeAnswer = IntakeResult | { file: string; status: "refused"; reason: string; fieldErrors?: FieldErrors };

/** One readout per request, as a file or as pasted text; the service authorises and validates. */
async function intake(formData: FormData, dryRun: boolean): Promise<IntakeAnswer> {
  const upload = formData.get("file");
  const pasted = formData.get("text");
  const input = formObject(formData);
  const file = typeof input.fileName === "string" ? input.fileName : "readout";
  try {
    const bytes =
      upload instanceof File ? new Uint8Array(await upload.arrayBuffer()) : new TextEncoder().encode(typeof pasted === "string" ? pasted : "");
    const result = await intakeReadout(await getSession(), input, bytes, { dryRun });
    if (!dryRun && (result.status === "new" || result.status === "replaced")) revalidatePath("/", "layout");
    return result;
  } catch (error) {
    const state = toActionState(error);
    return { file, status: "refused", reason: state.message ?? "refused", fieldErrors: state.fieldErrors };
  }
}

/** What storing the readout would do; nothing is stored. */
export async function previewReadoutAction(formData: FormData): Promise<IntakeAnswer> {
  return intake(formData, true);
}

/** Stores the readout, with the facts the analyst corrected, in one transaction. */
export async function storeReadoutAction(formData: FormData): Promise<IntakeAnswer> {
  return intake(formData, false);
}
