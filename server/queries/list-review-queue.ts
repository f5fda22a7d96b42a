import { prisma, type Db } from "@/server/db";
import { isoDate } from "@/lib/format";
import { LOW_CONFIDENCE } from "@/server/engine/link";

/** The confidence below which an automatic link waits for an analyst; LOW_CONFIDENCE in the environment overrides the engine's. */
export function reviewThreshold(): number {
  const raw = process.env.LOW_CONFIDENCE;
  const value = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  if (Number.isFinite(value) && value > 0 && value <= 1) return value;
  return typeof LOW_CONFIDENCE === "number" ? LOW_CONFIDENCE : 0.75;
}

interface Row {
  mentionId: number;
  pledgeId: number;
  pledgeTitle: string;
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
}

/**
 * Automatic links the engine was least sure of, weakest first, each with the
 * pledge's first mention to compare against.
 */
export async function listReviewQueue(db: Db = prisma(), limit = 200) {
  const threshold = reviewThreshold();
  const rows = await db.$queryRaw<Row[]>`
    select m.id as "mentionId", m."pledgeId", p.title as "pledgeTitle", p."countryPair",
           m.confidence, m.quote, m.phrase, m."linkReason",
           mt.id as "meetingId", mt.title as "meetingTitle", mt."meetingDate",
           f.id as "firstMentionId", f.quote as "firstQuote", f."meetingId" as "firstMeetingId",
           f.title as "firstMeetingTitle", f."meetingDate" as "firstMeetingDate"
      from "Mention" m
      join "Meeting" mt on mt.id = m."meetingId"
      join "Pledge" p on p.id = m."pledgeId"
      left join lateral (
        select m2.id, m2.quote, m2."meetingId", mt2.title, mt2."meetingDate"
          from "Mention" m2 join "Meeting" mt2 on mt2.id = m2."meetingId"
         where m2."pledgeId" = m."pledgeId" and m2.id <> m.id and m2.review <> 'REJECTED'
         order by mt2."meetingDate", mt2.id, m2.start
         limit 1) f on true
     where m."linkMethod" = 'AUTOMATIC' and m.review = 'UNREVIEWED'
       and m.confidence < ${threshold} and p."mergedIntoId" is null
     order by m.confidence asc, m.id asc
     limit ${limit}`;
  return {
    threshold,
    items: rows.map((row) => ({
      ...row,
      confidence: Number(row.confidence),
      meetingDate: isoDate(row.meetingDate),
      firstMeetingDate: row.firstMeetingDate ? isoDate(row.firstMeetingDate) : null,
    })),
  };
}

export type ReviewItem = Awaited<ReturnType<typeof listReviewQueue>>["items"][number];
