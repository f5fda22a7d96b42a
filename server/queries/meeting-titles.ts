import { prisma, type Db } from "@/server/db";

/** Titles and dates of a few meetings by id, for naming them in a sentence. */
export async function getMeetingTitles(ids: number[], db: Db = prisma()): Promise<Map<number, { title: string; meetingDate: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.meeting.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, meetingDate: true } });
  return new Map(rows.map((r) => [r.id, { title: r.title, meetingDate: r.meetingDate.toISOString().slice(0, 10) }]));
}
