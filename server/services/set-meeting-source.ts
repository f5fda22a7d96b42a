import { prisma, type Db } from "@/server/db";
import { meetingSourceSchema } from "@/lib/schemas/readout";
import { meetingLockKeys } from "@/server/ingest/meeting-versions";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { lockPledges } from "./lock-pledges";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An analyst's correction of which readouts report one meeting: file a readout under another
 * meeting as one of its sources (a pledge both report then counts once for the meeting), or
 * separate a source that was filed under the wrong meeting. The figures of every pledge the two
 * meetings mention are recounted, and both meetings' histories record the change.
 */
export async function setMeetingSource(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const { meetingId, primaryId } = parseInput(meetingSourceSchema, input);
  if (primaryId === meetingId) throw new InvalidInputError({ primaryId: ["choose another meeting"] }, "a readout cannot be a source of itself");

  return db.$transaction(async (tx) => {
    const ids = primaryId ? [meetingId, primaryId] : [meetingId];
    const meetings = await tx.meeting.findMany({
      where: { id: { in: ids } },
      select: { id: true, title: true, outlet: true, meetingDate: true, countries: true, primaryId: true, replacedById: true, sourceUrl: true, sourcePath: true },
    });
    const meeting = meetings.find((m) => m.id === meetingId);
    if (!meeting) throw new NotFoundError(`meeting ${meetingId} does not exist`);
    const target = primaryId ? meetings.find((m) => m.id === primaryId) : null;
    if (primaryId && !target) throw new NotFoundError(`meeting ${primaryId} does not exist`);
    const previous = meeting.primaryId;

    // Ingestion's lock order: the meetings' own locks, the country pairs (inside lockPledges), then rows.
    const keys = [...new Set(meetings.flatMap((m) => meetingLockKeys({ ...m, meetingDate: day(m.meetingDate) })))].sort();
    await tx.$queryRaw`select count(pg_advisory_xact_lock(hashtext(k))) from unnest(${keys}::text[]) as k`;
    const groups = [previous ?? meetingId, ...(target ? [target.id] : [])];
    const pledgeIds = (
      await tx.$queryRaw<{ pledgeId: number }[]>`
        select distinct m."pledgeId" from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
         where mt.id = any(${groups}::int[]) or mt."primaryId" = any(${groups}::int[]) or mt.id = ${meetingId}`
    ).map((r) => r.pledgeId);
    await lockPledges(tx, pledgeIds);
    const fresh = await tx.$queryRaw<{ id: number; primaryId: number | null; replacedById: number | null; sources: number }[]>`
      select m.id, m."primaryId", m."replacedById",
             (select count(*)::int from "Meeting" s where s."primaryId" = m.id and s."replacedById" is null) as sources
        from "Meeting" m where m.id = any(${ids}::int[]) order by m.id for update`;
    const now = new Map(fresh.map((r) => [r.id, r]));
    if (now.get(meetingId)?.replacedById) throw new InvalidInputError({}, "this is an old version of a readout; change its current version instead");
    if (target) {
      const t = now.get(target.id)!;
      if (t.replacedById) throw new InvalidInputError({ primaryId: ["choose the current version"] }, "that meeting's readout was replaced; choose its current version");
      if (t.primaryId) throw new InvalidInputError({ primaryId: ["choose the meeting itself"] }, "that readout is itself a source of another meeting; choose the meeting");
      if (now.get(meetingId)!.sources > 0) {
        throw new InvalidInputError({ primaryId: ["separate its own sources first"] }, "this meeting has other outlets' readouts filed under it; separate them first");
      }
      if (!target.countries.some((c) => meeting.countries.includes(c))) {
        throw new InvalidInputError({ primaryId: ["choose a meeting of the same countries"] }, "the two readouts share no country: they cannot report one meeting");
      }
    } else if (now.get(meetingId)!.primaryId === null) {
      throw new InvalidInputError({}, "this readout is already a meeting of its own");
    }

    await tx.meeting.update({ where: { id: meetingId }, data: { primaryId: target?.id ?? null } });
    await refreshPledgeStats(tx, pledgeIds);
    const data = { sourceId: meetingId, outlet: meeting.outlet, title: meeting.title, from: previous, to: target?.id ?? null };
    const kind = target ? "SOURCE_JOINED" : "SOURCE_SEPARATED";
    const entries = [meetingId, ...(previous ? [previous] : []), ...(target ? [target.id] : [])];
    await tx.meetingEvent.createMany({ data: [...new Set(entries)].map((id) => ({ meetingId: id, kind, userId: who.id, data })) });
    return { meetingId, primaryId: target?.id ?? null, previous, title: meeting.title };
  });
}
