import type { Db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { countedMentions } from "./pledge-stats";

/** One broken rule of the stored data, with how many rows break it and a few of their ids. */
export interface Violation {
  rule: string;
  count: number;
  examples: number[];
}

interface Rule {
  rule: string;
  /** Selects the ids of the rows that break the rule. */
  sql: Prisma.Sql;
}

const RULES: Rule[] = [
  {
    rule: "only a meeting's current version has mentions",
    sql: Prisma.sql`select distinct m."meetingId" from "Mention" m join "Meeting" mt on mt.id = m."meetingId" where mt."replacedById" is not null`,
  },
  {
    rule: "every mention is on a live (not merged-away) pledge",
    sql: Prisma.sql`select m.id from "Mention" m join "Pledge" p on p.id = m."pledgeId" where p."mergedIntoId" is not null`,
  },
  {
    rule: "every history entry is on a live pledge",
    sql: Prisma.sql`select e.id from "PledgeEvent" e join "Pledge" p on p.id = e."pledgeId" where p."mergedIntoId" is not null`,
  },
  {
    rule: "a merged-away pledge points straight at a live survivor",
    sql: Prisma.sql`select p.id from "Pledge" p join "Pledge" s on s.id = p."mergedIntoId" where s."mergedIntoId" is not null or s.id = p.id`,
  },
  {
    rule: "a pledge's mention and meeting counts equal a recount of its counted mentions",
    sql: Prisma.sql`select p.id from "Pledge" p
            left join (select "pledgeId", count(*)::int as n, count(distinct "meetingGroup")::int as meetings
                         from (${countedMentions(Prisma.sql`true`)}) counted group by 1) c on c."pledgeId" = p.id
           where p."mentionCount" <> coalesce(c.n, 0) or p."meetingCount" <> coalesce(c.meetings, 0)`,
  },
  {
    rule: "each year's topic figures equal the sum of its pledges' figures",
    sql: Prisma.sql`select t."topicId" from "TopicYear" t
            left join (select "topicId", year, sum(mentions)::int as mentions, count(*)::int as pledges
                         from "PledgeYear" group by 1, 2) y on y."topicId" = t."topicId" and y.year = t.year
           where t.mentions <> coalesce(y.mentions, 0) or t.pledges <> coalesce(y.pledges, 0)`,
  },
];

/**
 * Checks the rules the stored data must keep whatever happened to the processes writing it
 * (a crash, a lost connection, two analysts at once): mentions and history on live pledges,
 * counters equal to a recount, and every quote equal to the readout's text at its offsets.
 * An empty list means the data is whole.
 */
export async function checkInvariants(db: Db): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const { rule, sql } of RULES) {
    const rows = await db.$queryRaw<{ id: number }[]>`select id from (${sql}) as broken(id) order by id`;
    if (rows.length > 0) violations.push({ rule, count: rows.length, examples: rows.slice(0, 5).map((r) => r.id) });
  }
  const quotes = await badQuotes(db);
  if (quotes.length > 0) {
    violations.push({ rule: "every quote equals the readout's text at its offsets", count: quotes.length, examples: quotes.slice(0, 5) });
  }
  return violations;
}

/** Offsets are JavaScript string offsets, so quotes are compared here rather than in SQL (which counts code points). */
async function badQuotes(db: Db): Promise<number[]> {
  const bad: number[] = [];
  let after = 0;
  for (;;) {
    const meetings = await db.meeting.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, text: true, mentions: { select: { id: true, quote: true, start: true, end: true } } },
    });
    if (meetings.length === 0) return bad;
    for (const meeting of meetings) {
      for (const m of meeting.mentions) if (meeting.text.slice(m.start, m.end) !== m.quote) bad.push(m.id);
    }
    after = meetings[meetings.length - 1].id;
  }
}
