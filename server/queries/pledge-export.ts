import "server-only";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
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

const BATCH = 2000;

/**
 * Every row of the current /pledges view (all pages), in the table's order,
 * read in batches so a 100,000-row export never sits in memory at once.
 */
export async function* listPledgesForExport(input: unknown): AsyncGenerator<PledgeRow[]> {
  const query = parsePledgeQuery({ ...(input as object), page: 1 });
  // A text search is run once for the whole export, not once per batch.
  const q = query.q.trim();
  const searchIds = q ? (await prisma().$queryRaw<{ id: number }[]>(pledgeSearchSql(q))).map((r) => r.id) : undefined;
  const where = pledgeWhere(query, searchIds);
  const order = pledgeOrder(query.sort);
  for (let offset = 0; ; offset += BATCH) {
    const raw = await prisma().$queryRaw<PledgeRowRaw[]>(Prisma.sql`
      SELECT ${pledgeColumnsSql} FROM ${pledgeFromSql}
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${BATCH} OFFSET ${offset}`);
    if (raw.length) yield raw.map(toPledgeRow);
    if (raw.length < BATCH) return;
  }
}
