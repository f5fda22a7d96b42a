import { Prisma } from "@/server/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

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
    with live as (
      select m."pledgeId", m."meetingId", m.firmness, m.specificity, mt."meetingDate", mt.id as mid
        from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
       where m."pledgeId" = any(${ids}::int[]) and m.review <> 'REJECTED'
    ), agg as (
      select "pledgeId",
             count(*)::int as mention_count,
             count(distinct "meetingId")::int as meeting_count,
             min("meetingDate") as first_date,
             max("meetingDate") as last_date,
             max(firmness)::int as firmness,
             max(specificity)::int as specificity,
             (array_agg(mid order by "meetingDate", mid))[1] as first_meeting
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

/** Replaces the pledges' rows in PledgeYear and moves TopicYear by the difference. */
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
    insert into "PledgeYear" ("pledgeId", year, "topicId", mentions)
    select m."pledgeId", extract(year from mt."meetingDate")::int, p."topicId", count(*)::int
      from "Mention" m
      join "Meeting" mt on mt.id = m."meetingId"
      join "Pledge" p on p.id = m."pledgeId"
     where m."pledgeId" = any(${ids}::int[]) and m.review <> 'REJECTED' and p."mergedIntoId" is null
     group by 1, 2, 3`;
  await tx.$executeRaw`
    insert into "TopicYear" ("topicId", year, mentions, pledges)
    select "topicId", year, sum(mentions)::int, count(*)::int
      from "PledgeYear" where "pledgeId" = any(${ids}::int[]) group by 1, 2
    on conflict ("topicId", year) do update
      set mentions = "TopicYear".mentions + excluded.mentions, pledges = "TopicYear".pledges + excluded.pledges`;
}
