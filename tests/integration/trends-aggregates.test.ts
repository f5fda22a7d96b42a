import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/server/ingest/ingest-files";
import type { Actor } from "@/server/services/actor";
import { changePledgeTopic } from "@/server/services/change-pledge-topic";
import { mergePledges } from "@/server/services/merge-pledges";
import { rejectMention } from "@/server/services/reject-mention";
import { refreshPledgeStats } from "@/server/services/refresh-pledge-stats";
import { freshDatabase } from "./support";

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

  it("kept incrementally by ingestion, equal a full recomputation of every pledge", async () => {
    const figures = () =>
      ctx.db.pledge.findMany({
        orderBy: { id: "asc" },
        select: { id: true, mentionCount: true, meetingCount: true, firstMeetingId: true, firstMentionDate: true, lastMentionDate: true, firmness: true, specificity: true },
      });
    const incremental = await figures();
    const years = await stored();
    const ids = incremental.map((p) => p.id);
    await ctx.db.$transaction((tx) => refreshPledgeStats(tx, ids));
    expect(await figures()).toEqual(incremental);
    expect(await stored()).toEqual(years);
  });

  it("match a direct count after ingestion, a topic change, a merge and a rejected mention", async () => {
    expect(await stored()).toEqual(await direct());

    const [a, b] = await ctx.db.pledge.findMany({ where: { countryPair: "China|Tajikistan", mentionCount: { gte: 2 } }, orderBy: { id: "asc" }, take: 2 });
    const other = await ctx.db.topic.findFirstOrThrow({ where: { id: { not: a.topicId } } });
    await changePledgeTopic(analyst, { pledgeId: a.id, version: a.version, topicId: other.id }, ctx.db);
    expect(await stored()).toEqual(await direct());

    const a2 = await ctx.db.pledge.findUniqueOrThrow({ where: { id: a.id } });
    await mergePledges(analyst, { survivorId: a.id, survivorVersion: a2.version, otherId: b.id, otherVersion: b.version }, ctx.db);
    expect(await stored()).toEqual(await direct());

    const mention = await ctx.db.mention.findFirstOrThrow({ where: { pledgeId: a.id } });
    await rejectMention(analyst, { mentionId: mention.id, pledgeId: a.id, note: "Describes the past" }, ctx.db);
    expect(await stored()).toEqual(await direct());
  });
});
