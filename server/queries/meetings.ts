import "server-only";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { MeetingSortKey, SortDirection } from "@/lib/table-state";
import { z } from "zod";

export interface MeetingRow {
  id: number;
  meetingDate: string;
  title: string;
  place: string | null;
  outlet: string | null;
  pledges: number;
  newPledges: number;
  repeatedPledges: number;
}

const ORDER: Record<MeetingSortKey, Prisma.Sql> = {
  date: Prisma.sql`"meetingDate"`,
  title: Prisma.sql`lower(title)`,
  place: Prisma.sql`place`,
  outlet: Prisma.sql`outlet`,
  pledges: Prisma.sql`pledges`,
  new: Prisma.sql`"newPledges"`,
  repeated: Prisma.sql`"repeatedPledges"`,
};

const Input = z.object({ key: MeetingSortKey, dir: SortDirection });

/** Every meeting with how many pledges its readouts hold, split into first and repeated mentions. */
export async function listMeetings(sort: unknown): Promise<MeetingRow[]> {
  const { key, dir } = Input.parse(sort);
  const direction = Prisma.raw(dir === "desc" ? "DESC NULLS LAST" : "ASC NULLS LAST");
  const rows = await prisma().$queryRaw<(Omit<MeetingRow, "meetingDate"> & { meetingDate: Date })[]>(Prisma.sql`
    SELECT * FROM (
      SELECT mt.id, mt."meetingDate", mt.title, mt.place, mt.outlet,
        count(DISTINCT p.id)::int AS pledges,
        count(DISTINCT p.id) FILTER (WHERE p."firstMeetingId" = mt.id)::int AS "newPledges",
        count(DISTINCT p.id) FILTER (WHERE p."firstMeetingId" IS DISTINCT FROM mt.id)::int AS "repeatedPledges"
      FROM "Meeting" mt
      LEFT JOIN "Mention" m ON m."meetingId" = mt.id AND m.review <> 'REJECTED'
      LEFT JOIN "Pledge" p ON p.id = m."pledgeId" AND p."mergedIntoId" IS NULL
      GROUP BY mt.id
    ) counted
    ORDER BY ${ORDER[key]} ${direction}, id ASC`);
  return rows.map((r) => ({ ...r, meetingDate: r.meetingDate.toISOString().slice(0, 10) }));
}
