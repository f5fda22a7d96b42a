import "server-only";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { MEETINGS_PER_PAGE, MeetingQuery, type MeetingSortKey } from "@/lib/table-state";

export interface MeetingRow {
  id: number;
  meetingDate: string;
  title: string;
  place: string | null;
  outlet: string | null;
  pledges: number;
  newPledges: number;
  repeatedPledges: number;
  /** Other outlets' readouts of the same meeting. */
  otherSources: number;
}

export interface MeetingPage {
  rows: MeetingRow[];
  total: number;
  page: number;
  pageCount: number;
}

// Columns of the meeting itself sort through its indexes; the counts need every mention, so only they aggregate first.
const OWN_ORDER: Partial<Record<MeetingSortKey, Prisma.Sql>> = {
  date: Prisma.sql`mt."meetingDate"`,
  title: Prisma.sql`lower(mt.title)`,
  place: Prisma.sql`mt.place`,
  outlet: Prisma.sql`mt.outlet`,
};
const COUNT_ORDER: Partial<Record<MeetingSortKey, Prisma.Sql>> = {
  pledges: Prisma.sql`pledges`,
  new: Prisma.sql`"newPledges"`,
  repeated: Prisma.sql`"repeatedPledges"`,
};

const counts = Prisma.sql`
  count(DISTINCT p.id)::int AS pledges,
  count(DISTINCT p.id) FILTER (WHERE p."firstMeetingId" = mt.id)::int AS "newPledges",
  count(DISTINCT p.id) FILTER (WHERE p."firstMeetingId" IS DISTINCT FROM mt.id)::int AS "repeatedPledges",
  count(DISTINCT src.id)::int AS "otherSources"`;
// A meeting's pledges are those of all its sources (its own readout and other outlets' readouts of it).
const joins = Prisma.sql`
  LEFT JOIN "Meeting" src ON src."primaryId" = mt.id AND src."replacedById" IS NULL
  LEFT JOIN "Mention" m ON (m."meetingId" = mt.id OR m."meetingId" = src.id) AND m.review <> 'REJECTED'
  LEFT JOIN "Pledge" p ON p.id = m."pledgeId" AND p."mergedIntoId" IS NULL`;
/** Meetings as analysts count them: current versions, other outlets' readouts folded into the meeting. */
export const listedMeeting = Prisma.sql`mt."replacedById" IS NULL AND mt."primaryId" IS NULL`;

/** One page of meetings with how many pledges each readout holds, split into first and repeated mentions. */
export async function listMeetings(input: unknown): Promise<MeetingPage> {
  const { sort, page: asked } = MeetingQuery.parse(input);
  const db = prisma();
  const total = await db.meeting.count({ where: { replacedById: null, primaryId: null } });
  const pageCount = Math.max(1, Math.ceil(total / MEETINGS_PER_PAGE));
  const page = Math.min(asked, pageCount);
  const offset = (page - 1) * MEETINGS_PER_PAGE;
  const direction = Prisma.raw(sort.dir === "desc" ? "DESC" : "ASC");
  const own = OWN_ORDER[sort.key];
  type Raw = Omit<MeetingRow, "meetingDate"> & { meetingDate: Date };
  const rows = own
    ? await db.$queryRaw<Raw[]>(Prisma.sql`
        WITH shown AS (SELECT mt.id FROM "Meeting" mt WHERE ${listedMeeting} ORDER BY ${own} ${direction} NULLS LAST, mt.id ASC LIMIT ${MEETINGS_PER_PAGE} OFFSET ${offset})
        SELECT mt.id, mt."meetingDate", mt.title, mt.place, mt.outlet, ${counts}
        FROM shown JOIN "Meeting" mt ON mt.id = shown.id ${joins}
        GROUP BY mt.id
        ORDER BY ${own} ${direction} NULLS LAST, mt.id ASC`)
    : await db.$queryRaw<Raw[]>(Prisma.sql`
        SELECT mt.id, mt."meetingDate", mt.title, mt.place, mt.outlet, ${counts}
        FROM "Meeting" mt ${joins}
        WHERE ${listedMeeting}
        GROUP BY mt.id
        ORDER BY ${COUNT_ORDER[sort.key]!} ${direction}, mt.id ASC
        LIMIT ${MEETINGS_PER_PAGE} OFFSET ${offset}`);
  return { rows: rows.map((r) => ({ ...r, meetingDate: r.meetingDate.toISOString().slice(0, 10) })), total, page, pageCount };
}
