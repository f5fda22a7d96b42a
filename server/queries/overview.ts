import "server-only";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { zombieCondition } from "./pledge-sql";
import { statusByTopic, topicYearCounts, type StatusTopicRow, type TopicYearRow } from "./trends";

export interface OverviewPledge {
  id: number;
  title: string;
  topicName: string;
  status: string;
  mentionCount: number;
  meetingCount: number;
  firstMentionDate: string | null;
  lastMentionDate: string | null;
}

export interface Overview {
  meetings: number;
  pledges: number;
  repeated: number;
  byStatus: { status: string; pledges: number }[];
  mostRepeated: OverviewPledge[];
  zombies: { total: number; top: OverviewPledge[] };
  newest: {
    id: number;
    title: string;
    meetingDate: string;
    outlet: string | null;
    added: OverviewPledge[];
    repeated: OverviewPledge[];
  } | null;
  topicYear: TopicYearRow[];
  statusByTopic: StatusTopicRow[];
}

type RawPledge = Omit<OverviewPledge, "firstMentionDate" | "lastMentionDate"> & {
  firstMentionDate: Date | null;
  lastMentionDate: Date | null;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const clean = (rows: RawPledge[]): OverviewPledge[] =>
  rows.map((r) => ({ ...r, firstMentionDate: day(r.firstMentionDate), lastMentionDate: day(r.lastMentionDate) }));

const pledgeColumns = Prisma.sql`p.id, p.title, t.name AS "topicName", p.status::text AS status,
  p."mentionCount", p."meetingCount", p."firstMentionDate", p."lastMentionDate"`;

/** The headline figures and short lists of the overview page. */
export async function getOverview(): Promise<Overview> {
  const db = prisma();
  const [counts, byStatus, mostRepeated, zombieTotal, zombies, newestMeeting, topicYear, statusTopic] = await Promise.all([
    db.$queryRaw<{ meetings: number; pledges: number; repeated: number }[]>(Prisma.sql`
      SELECT (SELECT count(*)::int FROM "Meeting" WHERE "replacedById" IS NULL AND "primaryId" IS NULL) AS meetings,
        count(*)::int AS pledges,
        count(*) FILTER (WHERE "meetingCount" >= 2)::int AS repeated
      FROM "Pledge" WHERE "mergedIntoId" IS NULL`),
    db.$queryRaw<{ status: string; pledges: number }[]>(Prisma.sql`
      SELECT status::text AS status, count(*)::int AS pledges FROM "Pledge"
      WHERE "mergedIntoId" IS NULL GROUP BY status ORDER BY status`),
    db.$queryRaw<RawPledge[]>(Prisma.sql`
      SELECT ${pledgeColumns} FROM "Pledge" p JOIN "Topic" t ON t.id = p."topicId"
      WHERE p."mergedIntoId" IS NULL AND p."meetingCount" >= 2
      ORDER BY p."meetingCount" DESC, p."mentionCount" DESC, p.id LIMIT 5`),
    db.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(*)::int AS n FROM "Pledge" p WHERE p."mergedIntoId" IS NULL AND ${zombieCondition}`),
    db.$queryRaw<RawPledge[]>(Prisma.sql`
      SELECT ${pledgeColumns} FROM "Pledge" p JOIN "Topic" t ON t.id = p."topicId"
      WHERE p."mergedIntoId" IS NULL AND ${zombieCondition}
      ORDER BY p."meetingCount" DESC, p."firstMentionDate" ASC, p.id LIMIT 5`),
    db.meeting.findFirst({ where: { replacedById: null, primaryId: null }, orderBy: [{ meetingDate: "desc" }, { id: "desc" }], select: { id: true, title: true, meetingDate: true, outlet: true } }),
    topicYearCounts(),
    statusByTopic(),
  ]);

  let newest: Overview["newest"] = null;
  if (newestMeeting) {
    const inMeeting = clean(await db.$queryRaw<RawPledge[]>(Prisma.sql`
      SELECT ${pledgeColumns}, (p."firstMeetingId" = ${newestMeeting.id}) AS "isNew"
      FROM "Pledge" p JOIN "Topic" t ON t.id = p."topicId"
      WHERE p."mergedIntoId" IS NULL AND EXISTS (
        SELECT 1 FROM "Mention" m WHERE m."pledgeId" = p.id AND m."meetingId" = ${newestMeeting.id} AND m.review <> 'REJECTED')
      ORDER BY p."meetingCount" DESC, p.title`) as (RawPledge & { isNew: boolean })[]);
    const flagged = inMeeting as (OverviewPledge & { isNew: boolean })[];
    newest = {
      id: newestMeeting.id,
      title: newestMeeting.title,
      meetingDate: newestMeeting.meetingDate.toISOString().slice(0, 10),
      outlet: newestMeeting.outlet,
      added: flagged.filter((p) => p.isNew),
      repeated: flagged.filter((p) => !p.isNew),
    };
  }

  return {
    meetings: counts[0]?.meetings ?? 0,
    pledges: counts[0]?.pledges ?? 0,
    repeated: counts[0]?.repeated ?? 0,
    byStatus,
    mostRepeated: clean(mostRepeated),
    zombies: { total: zombieTotal[0]?.n ?? 0, top: clean(zombies) },
    newest,
    topicYear,
    statusByTopic: statusTopic,
  };
}
