import { Prisma } from "@/server/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Recomputes the denormalised figures of the given pledges from their live
 * mentions (rejected mentions do not count). Call it inside the transaction
 * that changed the mentions, so the figures are never seen out of step.
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
}
