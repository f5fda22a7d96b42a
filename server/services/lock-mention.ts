import type { Prisma } from "@/server/generated/prisma/client";
import { ConflictError, NotFoundError } from "./errors";

/**
 * Reads a mention with a row lock and checks it is still on the pledge the
 * analyst saw it on: two analysts deciding on the same mention are serialised,
 * and the second is told rather than silently overriding the first.
 */
export async function lockMention(tx: Prisma.TransactionClient, mentionId: number, pledgeId: number) {
  const rows = await tx.$queryRaw<{ id: number; pledgeId: number; review: string; linkMethod: string; phrase: string; quote: string }[]>`
    select id, "pledgeId", review::text as review, "linkMethod"::text as "linkMethod", phrase, quote from "Mention" where id = ${mentionId} for update`;
  const mention = rows[0];
  if (!mention) throw new NotFoundError(`mention ${mentionId} does not exist`);
  if (mention.pledgeId !== pledgeId) {
    const pledge = await tx.pledge.findUnique({
      where: { id: mention.pledgeId },
      select: { id: true, title: true, status: true, version: true, mergedIntoId: true },
    });
    throw new ConflictError(
      `mention ${mentionId} is no longer on pledge ${pledgeId}: it was moved to pledge ${mention.pledgeId} meanwhile. Nothing was changed.`,
      { pledge, changes: [] },
    );
  }
  return mention;
}
