import { z } from "zod";
import { stripBidiControls } from "@/lib/bidi";
import { blankToUndefined, idSchema, versionSchema } from "./common";

const titleSchema = z
  .string({ error: "a title is required" })
  .overwrite(stripBidiControls)
  .trim()
  .min(3, "the title is too short")
  .max(300, "keep the title under 300 characters");

const optionalNote = z.preprocess(blankToUndefined, z.string().trim().max(4000).optional());

export const renamePledgeSchema = z.object({ pledgeId: idSchema, title: titleSchema, version: versionSchema });

export const changePledgeTopicSchema = z.object({
  pledgeId: idSchema,
  topicId: idSchema,
  version: versionSchema,
});

/** Forms send actors as one comma-separated field; JSON sends an array. */
const actorList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",") : value),
  z
    .array(z.string().trim().min(1).max(100))
    .transform((list) => [...new Set(list.filter((actor) => actor.length > 0))])
    .pipe(z.array(z.string()).min(1, "name at least one actor").max(10, "at most 10 actors")),
);

export const changePledgeActorsSchema = z.object({ pledgeId: idSchema, actors: actorList, version: versionSchema });

export const mergePledgesSchema = z
  .object({
    survivorId: idSchema,
    survivorVersion: versionSchema,
    otherId: idSchema,
    otherVersion: versionSchema,
    note: optionalNote,
  })
  .refine((value) => value.survivorId !== value.otherId, {
    path: ["otherId"],
    message: "a pledge cannot be merged with itself",
  });

/** The mention is addressed together with the pledge the analyst saw it on, so a mention moved meanwhile is not acted on twice. */
const mentionRef = { mentionId: idSchema, pledgeId: idSchema };

export const moveMentionSchema = z
  .object({
    ...mentionRef,
    toPledgeId: z.preprocess(blankToUndefined, idSchema.optional()),
    newTitle: z.preprocess(blankToUndefined, titleSchema.optional()),
    note: optionalNote,
  })
  .refine((value) => (value.toPledgeId === undefined) !== (value.newTitle === undefined), {
    path: ["toPledgeId"],
    message: "give either the pledge to move the mention to, or a title for a new pledge",
  })
  .refine((value) => value.toPledgeId !== value.pledgeId, {
    path: ["toPledgeId"],
    message: "the mention is already on this pledge",
  });

export const reviewMentionSchema = z.object({ ...mentionRef, note: optionalNote });

export type RenamePledgeInput = z.input<typeof renamePledgeSchema>;
export type ChangePledgeTopicInput = z.input<typeof changePledgeTopicSchema>;
export type ChangePledgeActorsInput = z.input<typeof changePledgeActorsSchema>;
export type MergePledgesInput = z.input<typeof mergePledgesSchema>;
export type MoveMentionInput = z.input<typeof moveMentionSchema>;
export type ReviewMentionInput = z.input<typeof reviewMentionSchema>;
