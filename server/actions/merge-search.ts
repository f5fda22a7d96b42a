"use server";

import { z } from "zod";
import { requireRole } from "@/server/auth";
import { idSchema } from "@/lib/schemas/common";
import { findMergeCandidates, type MergeCandidate } from "@/server/queries/merge-candidates";

const searchSchema = z.object({ survivorId: idSchema, query: z.string().max(200) });

/** Search for the pledge to merge in, by title; analysts only, like the merge itself. */
export async function searchMergeCandidatesAction(survivorId: number, query: string): Promise<MergeCandidate[]> {
  await requireRole("ANALYST");
  const input = searchSchema.safeParse({ survivorId, query });
  if (!input.success) return [];
  return findMergeCandidates(input.data.survivorId, input.data.query);
}
