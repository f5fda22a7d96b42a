import type { Prisma } from "@/server/generated/prisma/client";
import { NotFoundError } from "./errors";

export interface LockedPledge {
  id: number;
  countryPair: string;
  mergedIntoId: number | null;
  version: number;
}

/**
 * The one lock order every change that decides which pledge a mention is on follows:
 * the country pair's advisory lock first (the same one ingestion holds while it reads its
 * candidates and links), then the pledges' rows in id order, then any mention rows. A merge, a
 * move, a review decision and an ingestion run of the same pair therefore run one after the
 * other, and never in a cycle. The rows are read after the lock, so a pledge merged away
 * meanwhile is seen as merged.
 */
export async function lockPledges(tx: Prisma.TransactionClient, ids: number[]): Promise<Map<number, LockedPledge>> {
  const wanted = [...new Set(ids)].sort((a, b) => a - b);
  // The country pair never changes, so reading it before the lock is safe.
  const pairs = await tx.$queryRaw<{ countryPair: string }[]>`
    select distinct "countryPair" from "Pledge" where id = any(${wanted}::int[]) order by 1`;
  if (pairs.length > 0) {
    await tx.$queryRaw`select count(pg_advisory_xact_lock(hashtext(k)))
                         from unnest(${pairs.map((p) => p.countryPair)}::text[]) as k`;
  }
  const rows = await tx.$queryRaw<LockedPledge[]>`
    select id, "countryPair", "mergedIntoId", version from "Pledge" where id = any(${wanted}::int[]) order by id for update`;
  const locked = new Map(rows.map((row) => [row.id, row]));
  for (const id of wanted) if (!locked.has(id)) throw new NotFoundError(`pledge ${id} does not exist`);
  return locked;
}
