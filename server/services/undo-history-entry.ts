import { z } from "zod";
import { prisma, type Db } from "@/server/db";
import { idSchema } from "@/lib/schemas/common";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { dataOf, numberAt } from "./undo/support";
import { undoReviewDecision } from "./undo/undo-review-decision";
import { undoMove } from "./undo/undo-move";
import { splitMerge } from "./undo/split-merge";

const undoSchema = z.object({ eventId: idSchema });

/** The kinds of history entry an analyst can undo from the entry itself. */
export const UNDOABLE_KINDS = ["MENTION_REJECTED", "LINK_ACCEPTED", "MENTION_MOVED", "MERGED"] as const;

/**
 * Undoes one history entry: a review decision, a move or a merge. Like every change it is authorised,
 * validated, takes the pledges' lock order (pair, pledges by id, mentions), is recorded as an UNDONE
 * entry with before and after in the same transaction, and is refused when the state moved on.
 * The entry is read once before the lock only to learn which pledges to lock; each undo reads it again under the lock.
 */
export async function undoHistoryEntry(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const { eventId } = parseInput(undoSchema, input);
  const event = await db.pledgeEvent.findUnique({ where: { id: eventId }, select: { kind: true, pledgeId: true, data: true } });
  if (!event) throw new NotFoundError(`history entry ${eventId} does not exist`);
  const data = dataOf(event.data);
  switch (event.kind) {
    case "MENTION_REJECTED":
    case "LINK_ACCEPTED":
      return undoReviewDecision(db, who, eventId, event.pledgeId, event.kind);
    case "MENTION_MOVED": {
      const fromPledgeId = numberAt(data, "fromPledgeId");
      const toPledgeId = numberAt(data, "toPledgeId");
      if (fromPledgeId === null || toPledgeId === null) break;
      return undoMove(db, who, eventId, { fromPledgeId, toPledgeId });
    }
    case "MERGED": {
      const mergedId = numberAt(data, "mergedId");
      if (mergedId === null) break;
      return splitMerge(db, who, eventId, { survivorId: event.pledgeId, mergedId });
    }
  }
  throw new InvalidInputError({ eventId: [`a ${event.kind.toLowerCase().replace(/_/g, " ")} entry cannot be undone`] });
}
