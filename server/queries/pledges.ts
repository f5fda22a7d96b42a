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
  const offset = (page - 1) * query.size;
  const limit = Math.max(0, Math.min(query.size, total - offset));
  // A page past the middle is read from the other end in the reversed order and flipped:
  // PostgreSQL then skips fewer rows, and the rows and their order are the same.
  const fromEnd = offset > total / 2;
  const raw = await db.$queryRaw<PledgeRowRaw[]>(Prisma.sql`
    SELECT ${pledgeColumnsSql} FROM ${pledgeFromSql}
    WHERE ${where}
    ORDER BY ${pledgeOrder(query.sort, fromEnd)}
    LIMIT ${fromEnd ? limit : query.size} OFFSET ${fromEnd ? total - offset - limit : offset}`);
  if (fromEnd) raw.reverse();
  return { rows: raw.map(toPledgeRow), total, page, pageCount, size: query.size, options };
}

async function getFilterOptions(): Promise<PledgeFilterOptions> {
  const db = prisma();
  // Facets come from the country pairs (a skip scan over their index: one probe per pair) and the
  // date range of the meetings, never from a scan of every pledge.
  const [topics, pairs, range] = await Promise.all([
    db.topic.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<{ pair: string }[]>(Prisma.sql`
      WITH RECURSIVE pairs AS (
        (SELECT "countryPair" AS pair FROM "Pledge" ORDER BY 1 LIMIT 1)
        UNION ALL
        SELECT (SELECT "countryPair" FROM "Pledge" WHERE "countryPair" > pairs.pair ORDER BY 1 LIMIT 1)
          FROM pairs WHERE pairs.pair IS NOT NULL)
      SELECT pair FROM pairs WHERE pair IS NOT NULL`),
    db.$queryRaw<{ first: number | null; last: number | null }[]>(Prisma.sql`
      SELECT extract(year FROM min("meetingDate"))::int AS first, extract(year FROM max("meetingDate"))::int AS last FROM "Meeting"`),
  ]);
  const countries = [...new Set(pairs.flatMap((p) => p.pair.split("|")))].sort();
  const directions = [
    ...pairs.flatMap(({ pair }) => {
      const [a, b] = pair.split("|");
      return [
        { giver: a, receiver: b },
        { giver: b, receiver: a },
      ];
    }),
    ...(pairs.length ? [{ giver: "joint", receiver: null }] : []),
  ].sort((x, y) => x.giver.localeCompare(y.giver) || (x.receiver ?? "").localeCompare(y.receiver ?? ""));
  const { first, last } = range[0] ?? { first: null, last: null };
  const years = first !== null && last !== null ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
  return {
    topics,
    actors: countries,
    directions,
    years,
  };
}
