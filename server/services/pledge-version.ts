import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/db";
import { statusLabel } from "@/lib/status";
import { ConflictError, NotFoundError, type ConflictState } from "./errors";

type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction so it rolls back; turned into a ConflictError once the database can be read again. */
class StaleVersion extends Error {
  constructor(
    readonly pledgeId: number,
    readonly version: number,
  ) {
    super(`pledge ${pledgeId} is no longer at version ${version}`);
  }
}

/**
 * Applies `data` only if the pledge is still at the version the analyst saw
 * (UPDATE … WHERE id = ? AND version = ?), and moves the version on. Merged-away
 * pledges are never edited: they only point to their survivor.
 */
export async function updateAtVersion(
  tx: Tx,
  pledgeId: number,
  version: number,
  data: Prisma.PledgeUncheckedUpdateManyInput,
): Promise<number> {
  const result = await tx.pledge.updateMany({
    where: { id: pledgeId, version, mergedIntoId: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count !== 1) throw new StaleVersion(pledgeId, version);
  return version + 1;
}

/** For changes that do not carry a version (mention decisions): the pledge still changed, so open forms must notice. */
export async function bumpVersion(tx: Tx, pledgeId: number): Promise<number> {
  const rows = await tx.pledge.updateManyAndReturn({
    where: { id: pledgeId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  if (rows.length === 0) throw new NotFoundError(`pledge ${pledgeId} does not exist`);
  return rows[0].version;
}

function versionOf(data: Prisma.JsonValue | null): number | null {
  if (data && typeof data === "object" && !Array.isArray(data) && typeof data.version === "number") return data.version;
  return null;
}

/** What changed on the pledge since `staleVersion`: the state now and the edits made after it. */
export async function describeConflict(db: Db, pledgeId: number, staleVersion: number): Promise<ConflictError> {
  const pledge = await db.pledge.findUnique({
    where: { id: pledgeId },
    select: { id: true, title: true, status: true, version: true, mergedIntoId: true },
  });
  if (!pledge) throw new NotFoundError(`pledge ${pledgeId} does not exist`);
  const events = await db.pledgeEvent.findMany({
    where: { pledgeId: pledge.mergedIntoId ?? pledgeId },
    orderBy: { id: "desc" },
    take: 30,
    include: { user: { select: { email: true } } },
  });
  const changes = events
    .filter((event) => (versionOf(event.data) ?? 0) > staleVersion || pledge.mergedIntoId !== null)
    .slice(0, 5)
    .map((event) => ({
      kind: event.kind,
      at: event.createdAt.toISOString(),
      by: event.user?.email ?? null,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
    }));
  const current: ConflictState = { pledge, changes };
  if (pledge.mergedIntoId !== null) {
    return new ConflictError(`pledge ${pledgeId} was merged into pledge ${pledge.mergedIntoId}; make the change there`, current);
  }
  const lastStatus = changes.find((change) => change.kind === "STATUS_CHANGED");
  const who = lastStatus ? ` (set by ${lastStatus.by ?? "an unknown user"} at ${lastStatus.at.slice(0, 16).replace("T", " ")} UTC${lastStatus.note ? `: “${lastStatus.note}”` : ""})` : "";
  return new ConflictError(
    `Someone changed this pledge after you opened it (you edited version ${staleVersion}; it is now version ${pledge.version}). ` +
      `Its status is now ${statusLabel(pledge.status)}${who}. Nothing was saved: review the change and submit again.`,
    current,
  );
}

/** Runs a versioned write; a stale version comes back as a ConflictError describing what changed. */
export async function withConflictDetails<T>(db: Db, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StaleVersion) throw await describeConflict(db, error.pledgeId, error.version);
    throw error;
  }
}
