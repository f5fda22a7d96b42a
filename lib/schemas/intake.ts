import { z } from "zod";
import { stripBidiControls } from "@/lib/bidi";
import { blankToUndefined } from "./common";
import { sourceUrlSchema } from "./readout";

const shortText = (max: number) => z.string().overwrite(stripBidiControls).trim().max(max, `keep it under ${max} characters`);

const participantSchema = z.object({
  name: shortText(200).min(1, "every participant needs a name"),
  role: z.preprocess(blankToUndefined, shortText(200).optional()).transform((v) => v ?? null),
  side: z.preprocess(blankToUndefined, shortText(100).optional()).transform((v) => v ?? null),
});

/** Participants travel as one JSON form field: a list the analyst edited. */
const participantList = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}, z.array(participantSchema, { error: "participants must be a list" }).max(100, "at most 100 participants"));

/**
 * One readout sent from the browser: its file name, where it came from, and the facts the analyst
 * corrected. A fact left out is taken from the text; `place` sent empty means "not stated".
 */
export const intakeSchema = z.object({
  fileName: z
    .string({ error: "the file name is missing" })
    .transform((name) => name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f]/g, "").trim())
    .pipe(z.string().min(1, "the file name is missing").max(200, "the file name is too long")),
  sourceUrl: z.preprocess(blankToUndefined, sourceUrlSchema.optional()),
  outlet: z.preprocess(blankToUndefined, shortText(200).optional()),
  meetingDate: z.preprocess(blankToUndefined, z.iso.date({ error: "give the date as YYYY-MM-DD" }).optional()),
  place: shortText(200).transform((v) => (v === "" ? null : v)).optional(),
  participants: participantList.optional(),
});

export type IntakeInput = z.output<typeof intakeSchema>;
