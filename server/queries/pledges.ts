import "server-only";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { PledgeQuery } from "@/lib/table-state";
import {
  parsePledgeQuery,
  pledgeColumnsSql,
  pledgeFromSql,
  pledgeOrder,
  pledgeSearchSql,
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
  const [options, rows] = await Promise.all([getFilterOptions(), readRows(query)]);
  return { ...rows, size: query.size, options };
}

async function readRows(query: PledgeQuery): Promise<Pick<PledgeTablePage, "rows" | "total" | "page" | "pageCount">> {
  const db = prisma();
  // A text search is run once, for the count and the page alike.
  const q = query.q.trim();
  const searchIds = q ? (await db.$queryRaw<{ id: number }[]>(pledgeSearchSql(q))).map((r) => r.id) : undefined;
  const where = pledgeWhere(query, searchIds);
  const readPage = (offset: number, limit: number, fromEnd: boolean) =>
    db.$queryRaw<PledgeRowRaw[]>(Prisma.sql`
      SELECT ${pledgeColumnsSql} FROM ${pledgeFromSql}
      WHERE ${where}
      ORDER BY ${pledgeOrder(query.sort, fromEnd)}
      LIMIT ${limit} OFFSET ${offset}`);
  // The first page needs no total to be read, so it is read alongside the count.
  const [counted, firstPage] = await Promise.all([
    db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "Pledge" p WHERE ${where}`),
    query.page === 1 ? readPage(0, query.size, false) : null,
  ]);
  const total = counted[0]?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, pageCount);
  let raw: PledgeRowRaw[];
  if (firstPage) raw = firstPage;
  else {
    const offset = (page - 1) * query.size;
    const limit = Math.max(0, Math.min(query.size, total - offset));
    // A page past the middle is read from the other end in the reversed order and flipped:
    // PostgreSQL then skips fewer rows, and the rows and their order are the same.
    const fromEnd = offset > total / 2;
    raw = fromEnd ? (await readPage(total - offset - limit, limit, true)).reverse() : await readPage(offset, query.size, false);
  }
  return { rows: raw.map(toPledgeRow), total, page, pageCount };
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
