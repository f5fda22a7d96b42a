import { z } from "zod";
import { STATUSES } from "@/lib/status";
import { blankToUndefined, idSchema, versionSchema } from "./common";

export const pledgeStatusSchema = z.enum(STATUSES, { error: "choose one of the statuses" });

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Evidence is a web link or a plain citation ("Tajik Ministry of Agriculture
 * annual report 2024, p. 12"). Anything that names a scheme must be http(s):
 * the value is later rendered as a link, and `javascript:` must never be one.
 */
export const evidenceSchema = z
  .string()
  .trim()
  .max(1000, "keep the evidence under 1000 characters")
  .refine((value) => !SCHEME.test(value) || /^https?:\/\/[^\s]+$/i.test(value), {
    message: "a link must start with http:// or https:// and contain no spaces; otherwise write a citation",
  });

/** True when the evidence should be rendered as a link rather than as text. */
export function isEvidenceLink(evidence: string | null | undefined): evidence is string {
  return !!evidence && /^https?:\/\/[^\s]+$/i.test(evidence);
}

function todayPlusOne(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

export const evidenceDateSchema = z.iso
  .date({ error: "give the date as YYYY-MM-DD" })
  .refine((value) => value >= "1900-01-01", { message: "the date is too early" })
  .refine((value) => value <= todayPlusOne(), { message: "the evidence date cannot be in the future" });

export const changeStatusSchema = z
  .object({
    pledgeId: idSchema,
    status: pledgeStatusSchema,
    note: z
      .string({ error: "a note is required" })
      .trim()
      .min(3, "say in a few words why the status changes")
      .max(4000, "keep the note under 4000 characters"),
    evidenceUrl: z.preprocess(blankToUndefined, evidenceSchema.optional()),
    evidenceDate: z.preprocess(blankToUndefined, evidenceDateSchema.optional()),
    version: versionSchema,
  })
  .superRefine((value, ctx) => {
    // A rating judges an outcome, so every rating other than "not yet assessed" cites its source and its date.
    if (value.status === "NOT_YET_ASSESSED") return;
    if (!value.evidenceUrl) {
      ctx.addIssue({ code: "custom", path: ["evidenceUrl"], message: "give a link or a citation for the evidence" });
    }
    if (!value.evidenceDate) {
      ctx.addIssue({ code: "custom", path: ["evidenceDate"], message: "give the date the evidence refers to" });
    }
  });

export type ChangeStatusInput = z.input<typeof changeStatusSchema>;
export type ChangeStatus = z.output<typeof changeStatusSchema>;
