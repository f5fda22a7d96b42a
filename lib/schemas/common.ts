import { z } from "zod";

/** Ids arrive as strings from forms and URLs and as numbers from JSON. */
export const idSchema = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .positive("must be a positive id")
  .max(2_147_483_647, "is too large");

export const versionSchema = z.coerce
  .number({ error: "the version the edit was made against is missing" })
  .int()
  .min(1, "the version the edit was made against is missing")
  .max(2_147_483_647);

/** A form's empty field means "not given". */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

/** Field errors in the shape forms and the JSON API both show. */
export type FieldErrors = Record<string, string[]>;

/** What a pledge looks like now, shown to an analyst whose edit was made against an older version. */
export interface ConflictState {
  pledge: { id: number; title: string; status: string; version: number; mergedIntoId: number | null } | null;
  changes: { kind: string; at: string; by: string | null; fromStatus: string | null; toStatus: string | null; note: string | null }[];
}

/** The result of a server action, as forms show it. */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  conflict?: ConflictState;
  /** The pledge's version after a successful edit, for the next edit to carry. */
  version?: number;
  /** The pledge's status after a successful status change, for the form to show. */
  status?: string;
  /** The history entry the change wrote, so it can be undone at once. */
  undoEventId?: number;
  /** A new API token in plain text: shown once after it is created, never stored or shown again. */
  token?: string;
  /** What was submitted, so a refused form keeps the analyst's words. */
  values?: Record<string, string>;
}

/** A server action as a form calls it through useActionState; pages hand these to components as props. */
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
