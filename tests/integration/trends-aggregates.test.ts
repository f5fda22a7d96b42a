import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { ensureTopics, ingestReadout } from "@/server/ingest/ingest-readout";
import type { Actor } from "@/server/services/actor";
import { changePledgeTopic } from "@/server/services/change-pledge-topic";
import { mergePledges } from "@/server/services/merge-pledges";
import { rejectMention } from "@/server/services/reject-mention";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { freshDatabase, useFreshDatabase } from "./support";

// The trends read pre-aggregated yearly counts; they must always equal a count over the mentions.
describe("yearly aggregates behind the trends", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  let analyst: Actor;
  beforeAll(async () => {
    ctx = await freshDatabase("trends_aggregates");
    const id = randomUUID();
    analyst = { id, email: `t-${id.slice(0, 8)}@example.org`, name: "Analyst", role: "ANALYST" };
    await ctx.db.user.create({ data: { ...analyst } });
    expect((await ingestFiles(ctx.db, [path.resolve("seeds")])).failed).toEqual([]);
  });
  afterAll(async () => ctx?.drop());

  const direct = () =>
    ctx.db.$queryRaw<{ topicId: number; year: number; mentions: number; pledges: number }[]>`
      select p."topicId", extract(year from mt."meetingDate")::int as year, count(*)::int as mentions, count(distinct p.id)::int as pledges
        from "Mention" m join "Meeting" mt on mt.id = m."meetingId" join "Pledge" p on p.id = m."pledgeId"
       where m.review <> 'REJECTED' and p."mergedIntoId" is null
       group by 1, 2 order by 1, 2`;
  const stored = () =>
    ctx.db.$queryRaw<{ topicId: number; year: number; mentions: number; pledges: number }[]>`
      select "topicId", year, mentions, pledges from "TopicYear" where mentions > 0 order by 1, 2`;

  const pledgeYears = () =>
    ctx.db.$queryRaw<{ pledgeId: number; year: number; topicId: number; mentions: number; firstMentionId: number; firstMeetingId: number }[]>`
      select "pledgeId", year, "topicId", mentions, "firstMentionId", "firstMeetingId" from "PledgeYear" order by 1, 2`;
  // Per live pledge and year: its mentions, and the lowest mention id in the earliest meeting (by date, then id).
  const directPledgeYears = () =>
    ctx.db.$queryRaw<{ pledgeId: number; year: number; topicId: number; mentions: number; firstMentionId: number; firstMeetingId: number }[]>`
      select m."pledgeId", extract(year from mt."meetingDate")::int as year, p."topicId", count(*)::int as mentions,
             (array_agg(m.id order by mt."meetingDate", mt.id, m.id))[1] as "firstMentionId",
             (array_agg(mt.id order by mt."meetingDate", mt.id, m.id))[1] as "firstMeetingId"
        from "Mention" m join "Meeting" mt on mt.id = m."meetingId" join "Pledge" p on p.id = m."pledgeId"
       where m.review <> 'REJECTED' and p."mergedIntoId" is null
       group by 1, 2, 3 order by 1, 2`;

  it("kept incrementally by ingestion, equal a full recomputation of every pledge", async () => {
    const figures = () =>
      ctx.db.pledge.findMany({
        orderBy: { id: "asc" },
        select: { id: true, mentionCount: true, meetingCount: true, firstMeetingId: true, firstMentionDate: true, lastMentionDate: true, firmness: true, specificity: true },
      });
    const incremental = await figures();
    const years = await stored();
    const perPledge = await pledgeYears();
    expect(perPledge.length).toBeGreaterThan(0);
    // Seeds with a pledge met twice in one year, so the year's first mention had to be chosen.
    expect(perPledge.some((r) => r.mentions > 1)).toBe(true);
    const ids = incremental.map((p) => p.id);
    await ctx.db.$transaction((tx) => refreshPledgeStats(tx, ids));
    expect(await figures()).toEqual(incremental);
    expect(await stored()).toEqual(years);
    expect(await pledgeYears()).toEqual(perPledge);
    expect(perPledge).toEqual(await directPledgeYears());
  });

  it("match a direct count after ingestion, a topic change, a merge and a rejected mention", async () => {
    expect(await stored()).toEqual(await direct());
    expect(await pledgeYears()).toEqual(await directPledgeYears());

    const [a, b] = await ctx.db.pledge.findMany({ where: { countryPair: "China|Tajikistan", mentionCount: { gte: 2 } }, orderBy: { id: "asc" }, take: 2 });
    const other = await ctx.db.topic.findFirstOrThrow({ where: { id: { not: a.topicId } } });
    await changePledgeTopic(analyst, { pledgeId: a.id, version: a.version, topicId: other.id }, ctx.db);
    expect(await stored()).toEqual(await direct());
    expect(await pledgeYears()).toEqual(await directPledgeYears());

    const a2 = await ctx.db.pledge.findUniqueOrThrow({ where: { id: a.id } });
    await mergePledges(analyst, { survivorId: a.id, survivorVersion: a2.version, otherId: b.id, otherVersion: b.version }, ctx.db);
    expect(await stored()).toEqual(await direct());
    expect(await pledgeYears()).toEqual(await directPledgeYears());

    const mention = await ctx.db.mention.findFirstOrThrow({ where: { pledgeId: a.id } });
    await rejectMention(analyst, { mentionId: mention.id, pledgeId: a.id, note: "Describes the past" }, ctx.db);
    expect(await stored()).toEqual(await direct());
    expect(await pledgeYears()).toEqual(await directPledgeYears());
  });
});

describe("yearly rows of readouts ingested out of date order", () => {
  const ctx = useFreshDatabase("trends_aggregates_unordered");

  it("move a year's first mention to an earlier meeting that arrives later", async () => {
    await ensureTopics(ctx.db);
    // By file name the seeds are not in date order: a later 2025 meeting comes before an earlier one.
    const files = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort();
    for (const file of files) {
      const outcome = await ingestReadout(ctx.db, file, fs.readFileSync(path.join("seeds", file)));
      expect(outcome.status).not.toBe("failed");
    }
    const stored = await ctx.db.$queryRaw<{ pledgeId: number; year: number; mentions: number; firstMentionId: number; firstMeetingId: number }[]>`
      select "pledgeId", year, mentions, "firstMentionId", "firstMeetingId" from "PledgeYear" order by 1, 2`;
    const direct = await ctx.db.$queryRaw<{ pledgeId: number; year: number; mentions: number; firstMentionId: number; firstMeetingId: number }[]>`
      select m."pledgeId", extract(year from mt."meetingDate")::int as year, count(*)::int as mentions,
             (array_agg(m.id order by mt."meetingDate", mt.id, m.id))[1] as "firstMentionId",
             (array_agg(mt.id order by mt."meetingDate", mt.id, m.id))[1] as "firstMeetingId"
        from "Mention" m join "Meeting" mt on mt.id = m."meetingId" join "Pledge" p on p.id = m."pledgeId"
       where m.review <> 'REJECTED' and p."mergedIntoId" is null
       group by 1, 2 order by 1, 2`;
    expect(stored).toEqual(direct);
    // The case this guards: some year's first mention is not the one ingested first.
    const replaced = await ctx.db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from "PledgeYear" py
       where py."firstMentionId" <> (select min(m.id) from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
                                       where m."pledgeId" = py."pledgeId" and extract(year from mt."meetingDate") = py.year)`;
    expect(replaced[0].n).toBeGreaterThan(0);
  });
});
