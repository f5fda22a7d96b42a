import "server-only";
import { prisma, type Db } from "@/server/db";

export interface MergeCandidate {
  id: number;
  title: string;
  version: number;
  status: string;
  mentionCount: number;
  meetingCount: number;
  /** What the pledge being kept would have after this merge: its title, and the mentions and meetings of both. */
  after: { title: string; mentionCount: number; meetingCount: number };
}

/**
 * Pledges of the same country pair whose title matches the words typed (trigram index on titles),
 * each with a preview of the merge, so the analyst never copies an id or a version by hand.
 */
export async function findMergeCandidates(survivorId: number, query: string, db: Db = prisma(), limit = 8): Promise<MergeCandidate[]> {
  const words = query.trim().slice(0, 200);
  if (words.length < 2) return [];
  const rows = await db.$queryRaw<(Omit<MergeCandidate, "after"> & { keptTitle: string; afterMentions: number; afterMeetings: number })[]>`
    with s as (select id, title, "countryPair" from "Pledge" where id = ${survivorId} and "mergedIntoId" is null)
    select p.id, p.title, p.version, p.status::text as status, p."mentionCount", p."meetingCount", s.title as "keptTitle",
           (select count(*)::int from "Mention" m where m."pledgeId" in (s.id, p.id) and m.review <> 'REJECTED') as "afterMentions",
           (select count(distinct m."meetingId")::int from "Mention" m where m."pledgeId" in (s.id, p.id) and m.review <> 'REJECTED') as "afterMeetings"
      from "Pledge" p join s on p."countryPair" = s."countryPair"
     where p.id <> s.id and p."mergedIntoId" is null
       and (p.title ilike '%' || ${words} || '%' or p.title % ${words})
     order by (p.title ilike '%' || ${words} || '%') desc, similarity(p.title, ${words}) desc, p."meetingCount" desc, p.id
     limit ${limit}`;
  return rows.map(({ keptTitle, afterMentions, afterMeetings, ...row }) => ({
    ...row,
    after: { title: keptTitle, mentionCount: afterMentions, meetingCount: afterMeetings },
  }));
}
