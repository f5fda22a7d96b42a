import type { RawSql } from "@/server/sql-transaction";

/**
 * Deletes the pledges, among those given, that no readout mentions any more (their meeting was
 * deleted, or a new version no longer says it), with their history. A pledge another was merged
 * into is kept: its URL is where the merged one's readers are sent. Returns what was deleted, for
 * the meeting's own history.
 */
export async function dropOrphanPledges(tx: RawSql, pledgeIds: number[]): Promise<{ id: number; title: string; status: string }[]> {
  const ids = [...new Set(pledgeIds)];
  if (ids.length === 0) return [];
  const orphans = await tx.$queryRaw<{ id: number; title: string; status: string }[]>`
    select p.id, p.title, p.status::text from "Pledge" p
     where p.id = any(${ids}::int[]) and p."mergedIntoId" is null
       and not exists (select 1 from "Mention" m where m."pledgeId" = p.id)
       and not exists (select 1 from "Pledge" s where s."mergedIntoId" = p.id)
     order by p.id
       for update of p`;
  if (orphans.length === 0) return [];
  const gone = orphans.map((o) => o.id);
  // What analysts taught about these pledges goes with them.
  await tx.$executeRaw`delete from "LinkCorrection" where "pledgeId" = any(${gone}::int[])`;
  await tx.$executeRaw`delete from "PledgeEvent" where "pledgeId" = any(${gone}::int[])`;
  await tx.$executeRaw`delete from "Pledge" where id = any(${gone}::int[])`;
  return orphans;
}
