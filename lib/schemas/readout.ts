import { z } from "zod";

/** The original article's address: http or https only, so the link on the meeting page is safe to follow. */
export const sourceUrlSchema = z
  .string()
  .trim()
  .max(2000, "is too long (2,000 characters at most)")
  .pipe(z.url({ protocol: /^https?$/, error: "must be a web address starting with http:// or https://" }));

/** Deleting a meeting names it and says so twice: the form's confirmation is part of the request. */
export const deleteMeetingSchema = z.object({
  meetingId: z.coerce.number({ error: "must be a number" }).int().positive().max(2_147_483_647),
  confirm: z.literal("delete", { error: "confirm the deletion first" }),
});

/** Files a readout under another meeting as one of its sources, or (no meeting given) makes it a meeting of its own. */
export const meetingSourceSchema = z.object({
  meetingId: z.coerce.number({ error: "must be a number" }).int().positive().max(2_147_483_647),
  primaryId: z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.coerce.number({ error: "choose a meeting" }).int().positive().max(2_147_483_647).nullable(),
  ),
});
