import "server-only";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { z } from "zod";

/** Mentions and distinct pledges per topic per year; only years with meetings appear. */
export interface TopicYearRow {
  year: number;
  topicSlug: string;
  topicName: string;
  mentions: number;
  pledges: number;
}

export interface StatusTopicRow {
  topicSlug: string;
  topicName: string;
  status: string;
  pledges: number;
}

/** Columns are meetings while they fit on a screen, else years. */
export interface RecurrenceMatrix {
  by: "meeting" | "year";
  columns: { key: string; label: string; title: string; href: string | null }[];
  pledges: { id: number; title: string; meetingCount: number }[];
  /** `href` opens the (first) mention behind the cell. */
  cells: { pledgeId: number; column: string; mentions: number; href: string }[];
}

const MAX_MEETING_COLUMNS = 40;

export interface Trends {
  topics: { slug: string; name: string }[];
  topicYear: TopicYearRow[];
  statusByTopic: StatusTopicRow[];
  recurrence: RecurrenceMatrix;
}

const Filter = z.object({ topic: z.array(z.string().max(100)).max(50).default([]) });

function topicCondition(topics: string[]): Prisma.Sql {
  return topics.length ? Prisma.sql`AND t.slug IN (${Prisma.join(topics)})` : Prisma.empty;
}

export async function topicYearCounts(topics: string[] = []): Promise<TopicYearRow[]> {
  // TopicYear is kept in step with every change of mentions (see refreshPledgeStats).
  return prisma().$queryRaw<TopicYearRow[]>(Prisma.sql`
    SELECT ty.year, t.slug AS "topicSlug", t.name AS "topicName", ty.mentions, ty.pledges
    FROM "TopicYear" ty
    JOIN "Topic" t ON t.id = ty."topicId"
    WHERE ty.mentions > 0 ${topicCondition(topics)}
    ORDER BY 1, 3`);
}

export async function statusByTopic(topics: string[] = []): Promise<StatusTopicRow[]> {
  return prisma().$queryRaw<StatusTopicRow[]>(Prisma.sql`
    SELECT t.slug AS "topicSlug", t.name AS "topicName", s.status::text AS status, s.pledges
    FROM (
      -- Counted per topic id from the (mergedIntoId, topicId, status) index alone, named afterwards.
      SELECT p."topicId", p.status, count(*)::int AS pledges FROM "Pledge" p
      WHERE p."mergedIntoId" IS NULL GROUP BY 1, 2) s
    JOIN "Topic" t ON t.id = s."topicId"
    WHERE true ${topicCondition(topics)}
    ORDER BY 2, 3`);
}

/** The most repeated pledges against the meetings (or years) that repeated them; capped so the grid stays readable. */
export async function recurrenceMatrix(topics: string[] = [], limit = 30, maxMeetingColumns = MAX_MEETING_COLUMNS): Promise<RecurrenceMatrix> {
  const db = prisma();
  const pledges = await db.$queryRaw<RecurrenceMatrix["pledges"]>(Prisma.sql`
    SELECT p.id, p.title, p."meetingCount"
    FROM "Pledge" p JOIN "Topic" t ON t.id = p."topicId"
    WHERE p."mergedIntoId" IS NULL AND p."meetingCount" >= 2 ${topicCondition(topics)}
    ORDER BY p."meetingCount" DESC, p."mentionCount" DESC, p.id
    LIMIT ${limit}`);
  if (!pledges.length) return { by: "meeting", columns: [], pledges: [], cells: [] };
  const ids = pledges.map((p) => p.id);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  // One pledge alone met in more meetings than fit means columns by year: read them from
  // PledgeYear (a few rows per pledge) instead of every mention of the busiest pledges.
  if (pledges[0].meetingCount > maxMeetingColumns) return yearMatrix(pledges);
  const rows = await db.$queryRaw<{ pledgeId: number; meetingId: number; date: Date; title: string; mentionId: number; mentions: number }[]>(Prisma.sql`
    SELECT m."pledgeId", m."meetingId", mt."meetingDate" AS date, mt.title, min(m.id) AS "mentionId", count(*)::int AS mentions
    FROM "Mention" m JOIN "Meeting" mt ON mt.id = m."meetingId"
    WHERE m."pledgeId" IN (${Prisma.join(ids)}) AND m.review <> 'REJECTED'
    GROUP BY 1, 2, 3, 4
    ORDER BY 3, 2`);
  const meetingIds = [...new Set(rows.map((r) => r.meetingId))];
  if (meetingIds.length <= maxMeetingColumns) {
    const seen = new Set<number>();
    const columns = rows
      .filter((r) => !seen.has(r.meetingId) && seen.add(r.meetingId))
      .map((r) => ({ key: String(r.meetingId), label: day(r.date), title: r.title, href: `/meetings/${r.meetingId}` }));
    const cells = rows.map((r) => ({ pledgeId: r.pledgeId, column: String(r.meetingId), mentions: r.mentions, href: `/meetings/${r.meetingId}#mention-${r.mentionId}` }));
    return { by: "meeting", columns, pledges, cells };
  }
  return yearMatrix(pledges);
}

/** Columns by year: each cell counts the pledge's mentions that year and links to the year's first one. */
async function yearMatrix(pledges: RecurrenceMatrix["pledges"]): Promise<RecurrenceMatrix> {
  const rows = await prisma().$queryRaw<{ pledgeId: number; year: number; mentions: number; mentionId: number; meetingId: number }[]>(Prisma.sql`
    SELECT py."pledgeId", py.year, py.mentions, py."firstMentionId" AS "mentionId", py."firstMeetingId" AS "meetingId"
    FROM "PledgeYear" py
    WHERE py."pledgeId" IN (${Prisma.join(pledges.map((p) => p.id))})
    ORDER BY py.year, py."pledgeId"`);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const columns = years.map((y) => ({ key: String(y), label: String(y), title: `Meetings in ${y}`, href: null }));
  const cells = rows.map((r) => ({ pledgeId: r.pledgeId, column: String(r.year), mentions: r.mentions, href: `/meetings/${r.meetingId}#mention-${r.mentionId}` }));
  return { by: "year", columns, pledges, cells };
}

/** Everything /trends draws, aggregated in PostgreSQL. */
export async function getTrends(filter: unknown): Promise<Trends> {
  const { topic } = Filter.parse(filter);
  const [topics, topicYear, byStatus, recurrence] = await Promise.all([
    prisma().topic.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    topicYearCounts(topic),
    statusByTopic(topic),
    recurrenceMatrix(topic),
  ]);
  return { topics, topicYear, statusByTopic: byStatus, recurrence };
}
