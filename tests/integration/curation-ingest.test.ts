import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/server/ingest/ingest-files";
import type { Actor } from "@/server/services/actor";
import { mergePledges } from "@/server/services/merge-pledges";
import { moveMention } from "@/server/services/move-mention";
import { freshDatabase } from "./support";

const SEEDS = path.resolve("seeds");
const files = fs.readdirSync(SEEDS).sort().map((f) => path.join(SEEDS, f));

// Analysts' decisions outlive later ingestion: the engine never undoes a merge
// or moves a mention an analyst placed.
describe("ingestion after an analyst's curation", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  let analyst: Actor;

  beforeAll(async () => {
    ctx = await freshDatabase("curation_ingest");
    const id = randomUUID();
    analyst = { id, email: `a-${id.slice(0, 8)}@example.org`, name: "Analyst", role: "ANALYST" };
    await ctx.db.user.create({ data: { ...analyst } });
  });
  afterAll(async () => ctx?.drop());

  const pledgeNaming = async (word: string) => {
    const found = await ctx.db.pledge.findMany({
      where: { mergedIntoId: null, mentions: { some: { phrase: { contains: word, mode: "insensitive" } } } },
      orderBy: { mentionCount: "desc" },
    });
    expect(found.length, `a pledge mentioning ${word}`).toBeGreaterThan(0);
    return found[0];
  };

  it("keeps a merge and an analyst's move when the seeds are ingested again and a new readout arrives", async () => {
    const newest = files.find((f) => fs.readFileSync(f, "utf8").includes("November 22, 2025"))!;
    expect((await ingestFiles(ctx.db, files.filter((f) => f !== newest))).failed).toEqual([]);

    const survivor = await pledgeNaming("Luban");
    const other = await pledgeNaming("Confucius");
    expect(other.id).not.toBe(survivor.id);
    const before = await ctx.db.mention.count({ where: { pledgeId: { in: [survivor.id, other.id] } } });
    const events = await ctx.db.pledgeEvent.count({ where: { pledgeId: { in: [survivor.id, other.id] } } });
    await mergePledges(analyst, { survivorId: survivor.id, survivorVersion: survivor.version, otherId: other.id, otherVersion: other.version, note: "One education platforms pledge" }, ctx.db);

    // An analyst moves one automatic mention elsewhere.
    const moved = await ctx.db.mention.findFirstOrThrow({ where: { linkMethod: "AUTOMATIC", pledgeId: { notIn: [survivor.id, other.id] } }, include: { pledge: true } });
    await moveMention(analyst, { mentionId: moved.id, pledgeId: moved.pledgeId, newTitle: "Analyst's own pledge", note: "Different commitment" }, ctx.db);
    const movedTo = (await ctx.db.mention.findUniqueOrThrow({ where: { id: moved.id } })).pledgeId;

    const again = await ingestFiles(ctx.db, files);
    expect(again.failed).toEqual([]);
    expect(again.unchanged).toBe(files.length - 1);
    expect(again.created).toBe(1);

    const merged = await ctx.db.pledge.findUniqueOrThrow({ where: { id: other.id } });
    expect(merged.mergedIntoId).toBe(survivor.id);
    expect(await ctx.db.mention.count({ where: { pledgeId: other.id } })).toBe(0);
    expect(await ctx.db.mention.count({ where: { pledgeId: survivor.id } })).toBeGreaterThan(before);
    expect(await ctx.db.pledgeEvent.count({ where: { pledgeId: survivor.id } })).toBeGreaterThan(events);
    // The new readout's Confucius Institutes mention joins the survivor, never the merged-away pledge.
    const newMeeting = await ctx.db.meeting.findFirstOrThrow({ where: { sourcePath: path.resolve(newest) } });
    const confucius = await ctx.db.mention.findFirstOrThrow({ where: { meetingId: newMeeting.id, phrase: { contains: "Confucius" } } });
    expect(confucius.pledgeId).toBe(survivor.id);

    const stillMoved = await ctx.db.mention.findUniqueOrThrow({ where: { id: moved.id } });
    expect(stillMoved).toMatchObject({ pledgeId: movedTo, linkMethod: "ANALYST" });
    const survivorRow = await ctx.db.pledge.findUniqueOrThrow({ where: { id: survivor.id } });
    expect(survivorRow.mentionCount).toBe(await ctx.db.mention.count({ where: { pledgeId: survivor.id, review: { not: "REJECTED" } } }));
  });
});
