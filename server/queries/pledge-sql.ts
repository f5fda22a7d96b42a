import "server-only";
import { Prisma } from "@/server/generated/prisma/client";
import { PledgeQuery, type PledgeSortKey, type SortDirection } from "@/lib/table-state";

/**
 * SQL pieces shared by the pledge table and its export, so the CSV holds
 * exactly the rows the table shows. Every value from the URL travels as a
 * bound parameter; only whitelisted fragments are spliced in.
 */

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The pledges whose title, or the quote of a live mention, contains the text. */
export function pledgeSearchSql(q: string): Prisma.Sql {
  // Both arms are answered by the trigram indexes on titles and quotes.
  const pattern = likePattern(q);
  return Prisma.sql`
    SELECT sp.id FROM "Pledge" sp WHERE sp.title ILIKE ${pattern}
    UNION
    SELECT sm."pledgeId" FROM "Mention" sm WHERE sm.quote ILIKE ${pattern} AND sm.review <> 'REJECTED'`;
}

/**
 * The filter of the current view, over "Pledge" p alone (no other table of the FROM clause is
 * named), so the total can be counted without joins. `searchIds`, when given, are the ids that
 * pledgeSearchSql found for the query's text, read beforehand.
 */
export function pledgeWhere(input: PledgeQuery, searchIds?: number[]): Prisma.Sql {
  // A pledge whose every mention was rejected is no longer a pledge; the rest always have dates.
  const parts: Prisma.Sql[] = [Prisma.sql`p."mergedIntoId" IS NULL AND p."mentionCount" > 0`];
  const q = input.q.trim();
  if (q) parts.push(searchIds ? Prisma.sql`p.id = ANY(${searchIds}::int[])` : Prisma.sql`p.id IN (${pledgeSearchSql(q)})`);
  if (input.topic.length) parts.push(Prisma.sql`p."topicId" IN (SELECT ft.id FROM "Topic" ft WHERE ft.slug IN (${Prisma.join(input.topic)}))`);
  if (input.status.length) parts.push(Prisma.sql`p.status::text IN (${Prisma.join(input.status)})`);
  if (input.actor) parts.push(Prisma.sql`${input.actor}::text = ANY(p.actors)`);
  if (input.direction) {
    const [giver, receiver] = input.direction.split(">");
    if (input.direction === "joint") parts.push(Prisma.sql`lower(p.giver) = 'joint'`);
    else if (receiver !== undefined) parts.push(Prisma.sql`p.giver = ${giver} AND p.receiver = ${receiver}`);
    else parts.push(Prisma.sql`p.giver = ${giver} AND p.receiver IS NULL`);
  }
  if (input.from !== null || input.to !== null) {
    let from = input.from ?? 1900;
    let to = input.to ?? 2200;
    if (from > to) [from, to] = [to, from];
    // PledgeYear holds one row per live pledge and year with a live mention (kept by
    // refreshPledgeStats), so the years are answered from its indexes.
    parts.push(Prisma.sql`p.id IN (SELECT py."pledgeId" FROM "PledgeYear" py WHERE py.year BETWEEN ${from}::int AND ${to}::int)`);
  }
  if (input.repeated) parts.push(Prisma.sql`p."meetingCount" >= 2`);
  if (input.zombies) parts.push(zombieCondition);
  return Prisma.join(parts, " AND ");
}

/** Repeated in three or more meetings while nobody ever changed its status. */
export const zombieCondition = Prisma.sql`p."meetingCount" >= 3 AND NOT EXISTS (
  SELECT 1 FROM "PledgeEvent" ze WHERE ze."pledgeId" = p.id AND ze.kind = 'STATUS_CHANGED')`;

const ORDER: Record<PledgeSortKey, { sql: Prisma.Sql; invert?: boolean }> = {
  title: { sql: Prisma.sql`lower(p.title)` },
  topic: { sql: Prisma.sql`t.name` },
  actors: { sql: Prisma.sql`array_to_string(p.actors, ', ')` },
  direction: { sql: Prisma.sql`p.giver || coalesce(' > ' || p.receiver, '')` },
  status: { sql: Prisma.sql`p.status` },
  firstMentioned: { sql: Prisma.sql`p."firstMentionDate"` },
  lastMentioned: { sql: Prisma.sql`p."lastMentionDate"` },
  mentions: { sql: Prisma.sql`p."mentionCount"` },
  span: { sql: Prisma.sql`(p."lastMentionDate" - p."firstMentionDate")` },
  firmness: { sql: Prisma.sql`p.firmness` },
  // A longer gap or age means an older date, so those sort on the date reversed.
  gap: { sql: Prisma.sql`p."lastMentionDate"`, invert: true },
  age: { sql: Prisma.sql`p."firstMentionDate"`, invert: true },
};

/**
 * The table's order. `reverse` gives exactly the opposite order (every key and the id tie-break
 * flipped, nulls too), so reading a page from the end and flipping it gives the same rows.
 */
export function pledgeOrder(sort: { key: PledgeSortKey; dir: SortDirection }, reverse = false): Prisma.Sql {
  const entry = ORDER[sort.key];
  if (!entry) throw new Error(`unknown sort key: ${String(sort.key)}`);
  const descending = (sort.dir === "desc") !== Boolean(entry.invert) !== reverse;
  // PostgreSQL's default null placement, so a plain index serves either direction (dates are never null here).
  const dir = Prisma.raw(descending ? "DESC" : "ASC");
  const tie = sort.key === "mentions" ? Prisma.sql`, p."meetingCount" ${dir}` : Prisma.empty;
  return Prisma.sql`${entry.sql} ${dir}${tie}, p.id ${Prisma.raw(reverse ? "DESC" : "ASC")}`;
}

export const pledgeColumnsSql = Prisma.sql`
  p.id, p.title, t.slug AS "topicSlug", t.name AS "topicName", p.actors, p.giver, p.receiver,
  p.status::text AS status, p."firstMentionDate", p."lastMentionDate", p."mentionCount", p."meetingCount",
  p.firmness, p.specificity, p."firstMeetingId", fm.title AS "firstMeetingTitle",
  (p."lastMentionDate" - p."firstMentionDate") AS "spanDays",
  (CURRENT_DATE - p."lastMentionDate") AS "gapDays",
  (CURRENT_DATE - p."firstMentionDate") AS "ageDays"`;

export const pledgeFromSql = Prisma.sql`"Pledge" p
  JOIN "Topic" t ON t.id = p."topicId"
  LEFT JOIN "Meeting" fm ON fm.id = p."firstMeetingId"`;

export interface PledgeRowRaw {
  id: number;
  title: string;
  topicSlug: string;
  topicName: string;
  actors: string[];
  giver: string;
  receiver: string | null;
  status: string;
  firstMentionDate: Date | null;
  lastMentionDate: Date | null;
  mentionCount: number;
  meetingCount: number;
  firmness: number;
  specificity: number;
  firstMeetingId: number | null;
  firstMeetingTitle: string | null;
  spanDays: number | null;
  gapDays: number | null;
  ageDays: number | null;
}

/** The row as it crosses to the client: dates as "YYYY-MM-DD" strings. */
export type PledgeRow = Omit<PledgeRowRaw, "firstMentionDate" | "lastMentionDate"> & {
  firstMentionDate: string | null;
  lastMentionDate: string | null;
};

export function toPledgeRow(raw: PledgeRowRaw): PledgeRow {
  return {
    ...raw,
    firstMentionDate: raw.firstMentionDate ? raw.firstMentionDate.toISOString().slice(0, 10) : null,
    lastMentionDate: raw.lastMentionDate ? raw.lastMentionDate.toISOString().slice(0, 10) : null,
  };
}

export function parsePledgeQuery(input: unknown): PledgeQuery {
  return PledgeQuery.parse(input);
}
