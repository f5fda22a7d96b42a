import { prisma, type Db } from "@/server/db";
import { isoDate } from "@/lib/format";
import { LINK_THRESHOLD, LOW_CONFIDENCE } from "@/server/engine/link";

/** The confidence below which an automatic link waits for an analyst; LOW_CONFIDENCE in the environment overrides the engine's. */
export function reviewThreshold(): number {
  const raw = process.env.LOW_CONFIDENCE;
  const value = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  if (Number.isFinite(value) && value > 0 && value <= 1) return value;
  return typeof LOW_CONFIDENCE === "number" ? LOW_CONFIDENCE : 0.75;
}

interface Row {
  kind: "link" | "repeat";
  mentionId: number;
  pledgeId: number;
  pledgeTitle: string;
  pledgeMentions: number;
  countryPair: string;
  confidence: number;
  quote: string;
  phrase: string;
  linkReason: string;
  meetingId: number;
  meetingTitle: string;
  meetingDate: Date;
  firstMentionId: number | null;
  firstQuote: string | null;
  firstMeetingId: number | null;
  firstMeetingTitle: string | null;
  firstMeetingDate: Date | null;
  /** For a possible repeat: the closest rival's score. */
  nearest: number | null;
}

interface RivalRow {
  mentionId: number;
  rank: number;
  pledgeId: number;
  pledgeTitle: string;
  score: number;
  reason: string;
  quote: string | null;
  phrase: string | null;
  meetingId: number | null;
  meetingTitle: string | null;
  meetingDate: Date | null;
}

/**
 * What waits for an analyst, least sure first: automatic links the engine made with confidence below
 * the review threshold, and mentions that started a new pledge although an earlier pledge scored
 * close to the link threshold (a possible repeat the engine did not dare link). Each comes with the
 * pledge's first mention to compare against and the rival pledges the engine weighed (score, reason
 * and first mention), closest first. The two kinds are ordered together by how near their score is
 * to the link threshold, where the engine was least sure.
 */
/** At most `limit` of each kind. */
export async function listReviewQueue(db: Db = prisma(), limit = 200) {
  const threshold = reviewThreshold();
  const rows = await db.$queryRaw<Row[]>`
    with links as (
      select 'link' as kind, m.id, m.confidence as score, null::float8 as nearest
        from "Mention" m join "Pledge" p on p.id = m."pledgeId"
       where m."linkMethod" = 'AUTOMATIC' and m.review = 'UNREVIEWED'
         and m.confidence < ${threshold} and p."mergedIntoId" is null
       order by m.confidence, m.id
       limit ${limit}
    ), repeats as (
      select 'repeat' as kind, m.id, max(lc.score) as score, max(lc.score) as nearest
        from "LinkCandidate" lc
        join "Pledge" cp on cp.id = lc."pledgeId"
        join "Mention" m on m.id = lc."mentionId"
        join "Pledge" p on p.id = m."pledgeId"
       where m."linkMethod" = 'FIRST' and m.review = 'UNREVIEWED' and p."mergedIntoId" is null
         and coalesce(cp."mergedIntoId", cp.id) <> m."pledgeId"
       group by m.id
       order by max(lc.score) desc, m.id
       limit ${limit}
    ), picked as (
      select * from links union all select * from repeats
    )
    select q.kind, m.id as "mentionId", m."pledgeId", p.title as "pledgeTitle", p."mentionCount" as "pledgeMentions",
           p."countryPair", m.confidence, m.quote, m.phrase, m."linkReason", q.nearest,
           mt.id as "meetingId", mt.title as "meetingTitle", mt."meetingDate",
           f.id as "firstMentionId", f.quote as "firstQuote", f."meetingId" as "firstMeetingId",
           f.title as "firstMeetingTitle", f."meetingDate" as "firstMeetingDate"
      from picked q
      join "Mention" m on m.id = q.id
      join "Meeting" mt on mt.id = m."meetingId"
      join "Pledge" p on p.id = m."pledgeId"
      left join lateral (
        select m2.id, m2.quote, m2."meetingId", mt2.title, mt2."meetingDate"
          from "Mention" m2 join "Meeting" mt2 on mt2.id = m2."meetingId"
         where m2."pledgeId" = m."pledgeId" and m2.id <> m.id and m2.review <> 'REJECTED'
         order by mt2."meetingDate", mt2.id, m2.start
         limit 1) f on true
     order by q.kind = 'repeat', case when q.kind = 'link' then q.score else -q.score end, q.id`;
  const ids = rows.map((r) => r.mentionId);
  // A rival merged since stands for its survivor; one that is now the mention's own pledge is no rival.
  const rivals = ids.length
    ? await db.$queryRaw<RivalRow[]>`
        select lc."mentionId", lc.rank, live.id as "pledgeId", live.title as "pledgeTitle", lc.score, lc.reason,
               f.quote, f.phrase, f."meetingId", f.title as "meetingTitle", f."meetingDate"
          from "LinkCandidate" lc
          join "Pledge" cp on cp.id = lc."pledgeId"
          join "Pledge" live on live.id = coalesce(cp."mergedIntoId", cp.id)
          join "Mention" m on m.id = lc."mentionId"
          left join lateral (
            select m2.quote, m2.phrase, m2."meetingId", mt2.title, mt2."meetingDate"
              from "Mention" m2 join "Meeting" mt2 on mt2.id = m2."meetingId"
             where m2."pledgeId" = live.id and m2.review <> 'REJECTED'
             order by mt2."meetingDate", mt2.id, m2.start
             limit 1) f on true
         where lc."mentionId" = any(${ids}::int[]) and live.id <> m."pledgeId"
         order by lc."mentionId", lc.rank`
    : [];
  const byMention = new Map<number, RivalRow[]>();
  for (const r of rivals) {
    const list = byMention.get(r.mentionId) ?? [];
    // Two rivals merged into one pledge since: the closer stands.
    if (!list.some((x) => x.pledgeId === r.pledgeId)) list.push(r);
    byMention.set(r.mentionId, list);
  }
  return {
    threshold,
    linkThreshold: LINK_THRESHOLD,
    items: rows.map((row) => ({
      ...row,
      confidence: Number(row.confidence),
      nearest: row.nearest === null ? null : Number(row.nearest),
      pledgeMentions: Number(row.pledgeMentions),
      meetingDate: isoDate(row.meetingDate),
      firstMeetingDate: row.firstMeetingDate ? isoDate(row.firstMeetingDate) : null,
      rivals: (byMention.get(row.mentionId) ?? []).map((r) => ({
        pledgeId: r.pledgeId,
        pledgeTitle: r.pledgeTitle,
        score: Number(r.score),
        reason: r.reason,
        firstQuote: r.quote,
        firstPhrase: r.phrase,
        firstMeetingId: r.meetingId,
        firstMeetingTitle: r.meetingTitle,
        firstMeetingDate: r.meetingDate ? isoDate(r.meetingDate) : null,
      })),
    })),
  };
}

export type ReviewItem = Awaited<ReturnType<typeof listReviewQueue>>["items"][number];
export type ReviewRival = ReviewItem["rivals"][number];
