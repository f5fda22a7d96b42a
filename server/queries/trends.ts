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

export interface RecurrenceMatrix {
  meetings: { id: number; date: string; title: string }[];
  pledges: { id: number; title: string; meetingCount: number }[];
  cells: { pledgeId: number; meetingId: number; mentionId: number; mentions: number }[];
}

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
  return prisma().$queryRaw<TopicYearRow[]>(Prisma.sql`
    SELECT extract(year FROM mt."meetingDate")::int AS year, t.slug AS "topicSlug", t.name AS "topicName",
      count(m.id)::int AS mentions, count(DISTINCT p.id)::int AS pledges
    FROM "Mention" m
    JOIN "Meeting" mt ON mt.id = m."meetingId"
    JOIN "Pledge" p ON p.id = m."pledgeId" AND p."mergedIntoId" IS NULL
    JOIN "Topic" t ON t.id = p."topicId"
    WHERE m.review <> 'REJECTED' ${topicCondition(topics)}
    GROUP BY 1, 2, 3
    ORDER BY 1, 3`);
}

export async function statusByTopic(topics: string[] = []): Promise<StatusTopicRow[]> {
  return prisma().$queryRaw<StatusTopicRow[]>(Prisma.sql`
    SELECT t.slug AS "topicSlug", t.name AS "topicName", p.status::text AS status, count(*)::int AS pledges
    FROM "Pledge" p JOIN "Topic" t ON t.id = p."topicId"
    WHERE p."mergedIntoId" IS NULL ${topicCondition(topics)}
    GROUP BY 1, 2, 3
    ORDER BY 2, 3`);
}

/** The most repeated pledges against the meetings that repeated them; capped so the grid stays readable. */
export async function recurrenceMatrix(topics: string[] = [], limit = 30): Promise<RecurrenceMatrix> {
  const db = prisma();
  const pledges = await db.$queryRaw<RecurrenceMatrix["pledges"]>(Prisma.sql`
    SELECT p.id, p.title, p."meetingCount"
    FROM "Pledge" p JOIN "Topic" t ON t.id = p."topicId"
    WHERE p."mergedIntoId" IS NULL AND p."meetingCount" >= 2 ${topicCondition(topics)}
    ORDER BY p."meetingCount" DESC, p."mentionCount" DESC, p.id
    LIMIT ${limit}`);
  if (!pledges.length) return { meetings: [], pledges: [], cells: [] };
  const ids = pledges.map((p) => p.id);
  const cells = await db.$queryRaw<RecurrenceMatrix["cells"]>(Prisma.sql`
    SELECT m."pledgeId", m."meetingId", min(m.id) AS "mentionId", count(*)::int AS mentions
    FROM "Mention" m
    WHERE m."pledgeId" IN (${Prisma.join(ids)}) AND m.review <> 'REJECTED'
    GROUP BY 1, 2`);
  const meetingIds = [...new Set(cells.map((c) => c.meetingId))];
  const meetings = await db.meeting.findMany({
    where: { id: { in: meetingIds } },
    select: { id: true, meetingDate: true, title: true },
    orderBy: [{ meetingDate: "asc" }, { id: "asc" }],
  });
  return {
    pledges,
    cells,
    meetings: meetings.map((m) => ({ id: m.id, date: m.meetingDate.toISOString().slice(0, 10), title: m.title })),
  };
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
