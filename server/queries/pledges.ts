import "server-only";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import {
  parsePledgeQuery,
  pledgeColumnsSql,
  pledgeFromSql,
  pledgeOrder,
  pledgeWhere,
  toPledgeRow,
  type PledgeRow,
  type PledgeRowRaw,
} from "./pledge-sql";

export type { PledgeRow } from "./pledge-sql";

export interface PledgeFilterOptions {
  topics: { slug: string; name: string }[];
  actors: string[];
  directions: { giver: string; receiver: string | null }[];
  years: number[];
}

export interface PledgeTablePage {
  rows: PledgeRow[];
  total: number;
  page: number;
  pageCount: number;
  size: number;
  options: PledgeFilterOptions;
}

/** One page of the /pledges table: sorted, filtered and paged by PostgreSQL. */
export async function getPledgeTable(input: unknown): Promise<PledgeTablePage> {
  const query = parsePledgeQuery(input);
  const db = prisma();
  const where = pledgeWhere(query);
  const [countRows, options] = await Promise.all([
    db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM ${pledgeFromSql} WHERE ${where}`),
    getFilterOptions(),
  ]);
  const total = countRows[0]?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, pageCount);
  const raw = await db.$queryRaw<PledgeRowRaw[]>(Prisma.sql`
    SELECT ${pledgeColumnsSql} FROM ${pledgeFromSql}
    WHERE ${where}
    ORDER BY ${pledgeOrder(query.sort)}
    LIMIT ${query.size} OFFSET ${(page - 1) * query.size}`);
  return { rows: raw.map(toPledgeRow), total, page, pageCount, size: query.size, options };
}

async function getFilterOptions(): Promise<PledgeFilterOptions> {
  const db = prisma();
  const [topics, actors, directions, years] = await Promise.all([
    db.topic.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<{ actor: string }[]>(Prisma.sql`
      SELECT DISTINCT unnest(actors) AS actor FROM "Pledge" WHERE "mergedIntoId" IS NULL ORDER BY 1`),
    db.$queryRaw<{ giver: string; receiver: string | null }[]>(Prisma.sql`
      SELECT DISTINCT giver, receiver FROM "Pledge" WHERE "mergedIntoId" IS NULL ORDER BY 1, 2`),
    db.$queryRaw<{ year: number }[]>(Prisma.sql`
      SELECT DISTINCT extract(year FROM "meetingDate")::int AS year FROM "Meeting" ORDER BY 1`),
  ]);
  return {
    topics,
    actors: actors.map((a) => a.actor),
    directions,
    years: years.map((y) => y.year),
  };
}
