import { Prisma } from "@/server/generated/prisma/client";
import type { RawSql } from "@/server/sql-transaction";

/**
 * The mentions that count, with their meeting's date and group: not rejected, and of the sources
 * of one meeting (a meeting and the other outlets' readouts of it) only the first source that
 * reports the pledge counts, so a pledge both sides report counts once for that meeting. The
 * meeting's own readout comes first, then the other sources in the order they were stored.
 * `filter` narrows the mentions (alias m); pass `true` for all.
 */
export function countedMentions(filter: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    select c.id, c."pledgeId", c."meetingId", c."meetingGroup", c."meetingDate", c.firmness, c.specificity from (
      select m.id, m."pledgeId", m."meetingId", m.firmness, m.specificity, mt."meetingDate",
             coalesce(mt."primaryId", mt.id) as "meetingGroup",
             first_value(mt.id) over (partition by m."pledgeId", coalesce(mt."primaryId", mt.id)
                                      order by mt."primaryId" is not null, mt.id) as "leadSource"
        from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
       where m.review <> 'REJECTED' and ${filter}) c
     where c."meetingId" = c."leadSource"`;
}

/** Ingestion's driver transaction and a Prisma transaction client both have it. */
type Tx = Pick<RawSql, "$executeRaw">;

/**
 * Recomputes the denormalised figures of the given pledges from their live
 * mentions (rejected mentions do not count), and their share of the
 * per-year aggregates the trends read. Call it inside the transaction that
 * changed the mentions or the topic, so nothing is ever seen out of step.
 */
export async function refreshPledgeStats(tx: Tx, pledgeIds: number[]): Promise<void> {
  const ids = [...new Set(pledgeIds)];
  if (ids.length === 0) return;
  await tx.$executeRaw`
    with live as (${countedMentions(Prisma.sql`m."pledgeId" = any(${ids}::int[])`)}
    ), agg as (
      select "pledgeId",
             count(*)::int as mention_count,
             count(distinct "meetingGroup")::int as meeting_count,
             min("meetingDate") as first_date,
             max("meetingDate") as last_date,
             max(firmness)::int as firmness,
             max(specificity)::int as specificity,
             (array_agg("meetingGroup" order by "meetingDate", "meetingGroup"))[1] as first_meeting
        from live group by "pledgeId"
    )
    update "Pledge" p set
      "mentionCount" = coalesce(a.mention_count, 0),
      "meetingCount" = coalesce(a.meeting_count, 0),
      "firstMentionDate" = a.first_date,
      "lastMentionDate" = a.last_date,
      "firstMeetingId" = a.first_meeting,
      firmness = coalesce(a.firmness, 0),
      specificity = coalesce(a.specificity, 0),
      "updatedAt" = now()
    from (select unnest(${ids}::int[]) as id) ids
    left join agg a on a."pledgeId" = ids.id
    where p.id = ids.id`;
  await refreshYearAggregates(tx, ids);
}

/**
 * Replaces the pledges' rows in PledgeYear and moves TopicYear by the difference. A PledgeYear
 * row also names the year's first meeting (the earliest by date, then id) and first mention
 * (the pledge's lowest mention id in that meeting).
 */
async function refreshYearAggregates(tx: Tx, ids: number[]): Promise<void> {
  // TopicYear rows are shared by every writer: one at a time, so concurrent ingestion cannot deadlock on them.
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('TopicYear'))`;
  await tx.$executeRaw`
    with old as (
      delete from "PledgeYear" where "pledgeId" = any(${ids}::int[]) returning "topicId", year, mentions
    ), gone as (
      select "topicId", year, sum(mentions)::int as mentions, count(*)::int as pledges from old group by 1, 2
    )
    update "TopicYear" ty set mentions = ty.mentions - gone.mentions, pledges = ty.pledges - gone.pledges
      from gone where ty."topicId" = gone."topicId" and ty.year = gone.year`;
  await tx.$executeRaw`
    insert into "PledgeYear" ("pledgeId", year, "topicId", mentions, "firstMentionId", "firstMeetingId")
    select m."pledgeId", extract(year from m."meetingDate")::int, p."topicId", count(*)::int,
           (array_agg(m.id order by m."meetingDate", m."meetingId", m.id))[1], (array_agg(m."meetingId" order by m."meetingDate", m."meetingId"))[1]
      from (${countedMentions(Prisma.sql`m."pledgeId" = any(${ids}::int[])`)}) m
      join "Pledge" p on p.id = m."pledgeId"
     where p."mergedIntoId" is null
     group by 1, 2, 3`;
  await tx.$executeRaw`
    insert into "TopicYear" ("topicId", year, mentions, pledges)
    select "topicId", year, sum(mentions)::int, count(*)::int
      from "PledgeYear" where "pledgeId" = any(${ids}::int[]) group by 1, 2
    on conflict ("topicId", year) do update
      set mentions = "TopicYear".mentions + excluded.mentions, pledges = "TopicYear".pledges + excluded.pledges`;
}

/** Whether the PledgeYear row's first meeting comes before the given meeting (by date, then id). */
function earlierMeeting(meetingId: number): Prisma.Sql {
  return Prisma.sql`exists (
    select 1 from "Meeting" fmt, "Meeting" nm
     where fmt.id = "PledgeYear"."firstMeetingId" and nm.id = ${meetingId}
       and (fmt."meetingDate", fmt.id) < (nm."meetingDate", nm.id))`;
}

/**
 * Ingestion's cheaper path for a meeting stored for the first time (not a new version, not another
 * outlet's source of a stored meeting): a new meeting only adds mentions, so the figures of
 * the pledges it touches move by what it adds, without re-reading the pledges'
 * earlier mentions (a pledge repeated for decades has thousands). Gives the same
 * result as refreshPledgeStats for that case.
 */
export async function addMeetingToStats(tx: Tx, meetingId: number): Promise<void> {
  await tx.$executeRaw`
    with added as (
      select m."pledgeId", count(*)::int as n, max(m.firmness)::int as f, max(m.specificity)::int as s
        from "Mention" m where m."meetingId" = ${meetingId} and m.review <> 'REJECTED' group by 1
    ), mt as (select id, "meetingDate" as d from "Meeting" where id = ${meetingId})
    update "Pledge" p set
      "mentionCount" = p."mentionCount" + a.n,
      "meetingCount" = p."meetingCount" + 1,
      "firstMeetingId" = case when p."firstMentionDate" is null or mt.d < p."firstMentionDate" then mt.id else p."firstMeetingId" end,
      "firstMentionDate" = least(p."firstMentionDate", mt.d),
      "lastMentionDate" = greatest(p."lastMentionDate", mt.d),
      firmness = greatest(p.firmness, a.f),
      specificity = greatest(p.specificity, a.s),
      "updatedAt" = now()
    from added a, mt
    where p.id = a."pledgeId"`;
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('TopicYear'))`;
  await tx.$executeRaw`
    with added as (
      select m."pledgeId", extract(year from mt."meetingDate")::int as year, p."topicId", count(*)::int as n, min(m.id) as first
        from "Mention" m
        join "Meeting" mt on mt.id = m."meetingId"
        join "Pledge" p on p.id = m."pledgeId"
       where m."meetingId" = ${meetingId} and m.review <> 'REJECTED' and p."mergedIntoId" is null
       group by 1, 2, 3
    ), upserted as (
      insert into "PledgeYear" ("pledgeId", year, "topicId", mentions, "firstMentionId", "firstMeetingId")
      select "pledgeId", year, "topicId", n, first, ${meetingId} from added
      on conflict ("pledgeId", year) do update set
        mentions = "PledgeYear".mentions + excluded.mentions,
        -- The year's first meeting and mention stay unless this meeting comes before that meeting
        -- (both tests read the row as it was before this update).
        "firstMentionId" = case when ${earlierMeeting(meetingId)} then "PledgeYear"."firstMentionId" else excluded."firstMentionId" end,
        "firstMeetingId" = case when ${earlierMeeting(meetingId)} then "PledgeYear"."firstMeetingId" else excluded."firstMeetingId" end
      returning "pledgeId", year, (xmax = 0) as inserted
    ), moved as (
      select a."topicId", a.year, sum(a.n)::int as mentions, count(*) filter (where u.inserted)::int as pledges
        from upserted u join added a on a."pledgeId" = u."pledgeId" and a.year = u.year
       group by 1, 2
    )
    insert into "TopicYear" ("topicId", year, mentions, pledges)
    select "topicId", year, mentions, pledges from moved
    on conflict ("topicId", year) do update
      set mentions = "TopicYear".mentions + excluded.mentions, pledges = "TopicYear".pledges + excluded.pledges`;
}
