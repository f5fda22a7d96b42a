import { prisma, type Db } from "@/server/db";
import { deleteMeetingSchema } from "@/lib/schemas/readout";
import { meetingLockKeys } from "@/server/ingest/meeting-versions";
import { dropOrphanPledges } from "@/server/ingest/orphan-pledges";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { authorise, parseInput, type Actor } from "./actor";
import { NotFoundError } from "./errors";
import { lockPledges } from "./lock-pledges";

/**
 * Deletes a meeting (admins only): its readout with every earlier version and, for a meeting
 * rather than one of its sources, the other outlets' readouts of it. Its mentions go, the figures
 * of the pledges they were on are recounted (first mentions, counts, charts and the review queue
 * follow), and pledges no readout mentions any more are removed. The meeting's history keeps what
 * was deleted, by whom and when.
 */
export async function deleteMeeting(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ADMIN");
  const { meetingId } = parseInput(deleteMeetingSchema, input);

  return db.$transaction(async (tx) => {
    const [meeting] = await tx.$queryRaw<{ id: number; meetingDate: Date; countries: string[]; sourceUrl: string | null; sourcePath: string | null }[]>`
      select id, "meetingDate", countries, "sourceUrl", "sourcePath" from "Meeting" where id = ${meetingId}`;
    if (!meeting) throw new NotFoundError(`meeting ${meetingId} does not exist (it may have been deleted already)`);
    // The locks ingestion takes for readouts of this meeting: no new version or source of it can be
    // stored halfway through its deletion.
    const keys = meetingLockKeys({ ...meeting, meetingDate: meeting.meetingDate.toISOString().slice(0, 10) });
    await tx.$queryRaw`select count(pg_advisory_xact_lock(hashtext(k))) from unnest(${keys}::text[]) as k`;
    const readouts = await tx.$queryRaw<{ id: number; title: string; outlet: string | null; sourceUrl: string | null; version: number; current: boolean; primaryId: number | null }[]>`
      with recursive latest as (
        -- the current version of the readout asked for (an old version's page can delete too)
        select m.id, m."replacedById" from "Meeting" m where m.id = ${meetingId}
        union all
        select n.id, n."replacedById" from "Meeting" n join latest l on n.id = l."replacedById"
      ), current as (
        select m.* from "Meeting" m join latest l on l.id = m.id where m."replacedById" is null
      ), family as (
        select id from current
        union select s.id from "Meeting" s, current c where c."primaryId" is null and s."primaryId" = c.id
      ), chain as (
        select id from family
        union select o.id from "Meeting" o join chain c on o."replacedById" = c.id
      )
      select m.id, m.title, m.outlet, m."sourceUrl", m.version, m."replacedById" is null as current, m."primaryId"
        from "Meeting" m join chain c on c.id = m.id order by m.id`;
    const ids = readouts.map((r) => r.id);
    // Then the country pairs' locks, before any row lock, in the order ingestion takes them.
    await tx.$queryRaw`select count(pg_advisory_xact_lock(hashtext(k))) from (
                         select distinct p."countryPair" as k from "Mention" m join "Pledge" p on p.id = m."pledgeId"
                          where m."meetingId" = any(${ids}::int[]) order by 1) pairs`;
    await tx.$queryRaw`select id from "Meeting" where id = any(${ids}::int[]) order by id for update`;
    const pledgeIds = (
      await tx.$queryRaw<{ pledgeId: number }[]>`select distinct "pledgeId" from "Mention" where "meetingId" = any(${ids}::int[])`
    ).map((r) => r.pledgeId);
    await lockPledges(tx, pledgeIds);
    const mentions = await tx.$executeRaw`delete from "Mention" where "meetingId" = any(${ids}::int[])`;
    await refreshPledgeStats(tx, pledgeIds);
    const removedPledges = await dropOrphanPledges(tx, pledgeIds);
    await tx.$executeRaw`delete from "Meeting" where id = any(${ids}::int[])`;
    // The meeting is named by its current readout (a source's own, when only a source is deleted).
    const current = readouts.find((r) => r.current && r.primaryId === null) ?? readouts.find((r) => r.current) ?? readouts[0];
    await tx.meetingEvent.create({
      data: {
        meetingId: current.id,
        kind: "DELETED",
        userId: who.id,
        data: { readouts, mentions, removedPledges, title: current.title },
      },
    });
    return { meetingId: current.id, title: current.title, readouts: readouts.length, mentions, removedPledges: removedPledges.length };
  });
}
