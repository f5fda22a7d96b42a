import type { Prisma } from "@/server/generated/prisma/client";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";

type Tx = Prisma.TransactionClient;

export type EventData = Record<string, unknown>;

/** An entry's data as an object; entries written before a field existed simply lack it. */
export function dataOf(data: Prisma.JsonValue | null): EventData {
  return data && typeof data === "object" && !Array.isArray(data) ? (data as EventData) : {};
}

export function numberAt(data: EventData, key: string): number | null {
  return typeof data[key] === "number" ? (data[key] as number) : null;
}

/** A refusal because the pledge moved on since the entry: nothing is changed, the analyst is told why. */
export function movedOn(message: string): ConflictError {
  return new ConflictError(`${message} Nothing was changed.`, { pledge: null, changes: [] });
}

/**
 * Re-reads the entry after the pledges are locked (a merge may have moved it meanwhile) and refuses
 * an entry of another kind or one already undone. The unique undoesId makes a second undo fail even
 * if two analysts press Undo at once.
 */
export async function lockedEntry(tx: Tx, eventId: number, kind: string) {
  const event = await tx.pledgeEvent.findUnique({ where: { id: eventId } });
  if (!event) throw new NotFoundError(`history entry ${eventId} does not exist`);
  if (event.kind !== kind) throw new InvalidInputError({ eventId: [`history entry ${eventId} cannot be undone`] });
  const undone = await tx.pledgeEvent.findUnique({ where: { undoesId: eventId }, select: { id: true, createdAt: true } });
  if (undone) throw movedOn(`This change was already undone (history entry ${undone.id}).`);
  return { ...event, data: dataOf(event.data) };
}

/** The UNDONE entry: which entry it reverses, and the state before and after the undo. */
export async function recordUndo(
  tx: Tx,
  entry: { pledgeId: number; undoesId: number | null; userId: string; undoneKind: string; version: number; before: EventData; after: EventData; summary: string },
) {
  return tx.pledgeEvent.create({
    data: {
      pledgeId: entry.pledgeId,
      kind: "UNDONE",
      userId: entry.userId,
      undoesId: entry.undoesId,
      data: { version: entry.version, undoneKind: entry.undoneKind, summary: entry.summary, before: entry.before, after: entry.after } as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
}
