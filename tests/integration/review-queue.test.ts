import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTopics, ingestReadout } from "@/server/ingest/ingest-readout";
import { LINK_THRESHOLD, NEAR_MISS } from "@/server/engine/link";
import { listReviewQueue } from "@/server/queries/list-review-queue";
import type { Actor } from "@/server/services/actor";
import { acceptMention } from "@/server/services/accept-mention";
import { mergePledges } from "@/server/services/merge-pledges";
import { moveMention } from "@/server/services/move-mention";
import { undoHistoryEntry } from "@/server/services/undo-history-entry";
import { freshDatabase, ministersReadout, weeklyMeetings } from "./support";

// Small readouts written for this test. Hosting a summit of an organisation is another pledge than
// cooperating within it, but close enough that an analyst should see the two side by side.
const WITHIN = "Wang said China will strengthen cooperation with Tajikistan within the Shanghai Cooperation Organization.";
const SUMMIT = "Wang said China supports Tajikistan in hosting the SCO summit in Dushanbe next year.";
const HONEY = "Wang said China will import more Tajik honey.";

describe("the review queue shows near misses beside the engine's choice", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  let analyst: Actor;
  const { ingest, about } = weeklyMeetings(() => ctx.db, Date.UTC(2022, 0, 1), "review");

  beforeAll(async () => {
    ctx = await freshDatabase("review_queue");
    const id = randomUUID();
    analyst = { id, email: `a-${id.slice(0, 8)}@example.org`, name: "Analyst", role: "ANALYST" };
    await ctx.db.user.create({ data: { ...analyst } });
    await ensureTopics(ctx.db);
  });
  afterAll(async () => ctx?.drop());

  it("lists a new pledge that came close to an earlier one, with the rival's score, reason and first mention", async () => {
    const within = about(await ingest(WITHIN, HONEY), "Shanghai");
    // The preview already says so, before anything is stored.
    const preview = await ingestReadout(ctx.db, "preview.txt", Buffer.from(ministersReadout("March 1, 2022", "2022-03-02", SUMMIT)), { dryRun: true });
    if (preview.status !== "new") throw new Error(`not previewed: ${JSON.stringify(preview)}`);
    const planned = preview.plans?.find((p) => p.phrase.includes("summit"));
    expect(planned?.kind).toBe("new");
    expect(planned?.closest).toMatchObject({ pledgeId: within.pledgeId });
    expect(planned?.closest?.pledgeTitle.length).toBeGreaterThan(0);
    const summit = about(await ingest(SUMMIT), "summit");
    expect(summit.linkMethod).toBe("FIRST");
    expect(summit.pledgeId).not.toBe(within.pledgeId);

    const stored = await ctx.db.linkCandidate.findMany({ where: { mentionId: summit.id } });
    expect(stored.map((c) => [c.pledgeId, c.rank])).toEqual([[within.pledgeId, 1]]);
    expect(stored[0].score).toBeGreaterThanOrEqual(NEAR_MISS);
    expect(stored[0].score).toBeLessThan(LINK_THRESHOLD);

    const { items } = await listReviewQueue(ctx.db);
    const item = items.find((i) => i.mentionId === summit.id);
    expect(item?.kind).toBe("repeat");
    expect(item?.nearest).toBe(stored[0].score);
    expect(item?.rivals).toHaveLength(1);
    expect(item?.rivals[0]).toMatchObject({ pledgeId: within.pledgeId, score: stored[0].score, firstQuote: within.quote });
    expect(item?.rivals[0].reason).toMatch(/summit/);
    // The first mention of the honey pledge came close to nothing: not in the queue.
    expect(items.some((i) => i.kind === "repeat" && i.mentionId !== summit.id)).toBe(false);
  });

  it("keeping the new pledge takes it off the queue, and an undo puts it back", async () => {
    const summit = (await ctx.db.mention.findMany({ where: { phrase: { contains: "summit" } } }))[0];
    const kept = await acceptMention(analyst, { mentionId: summit.id, pledgeId: summit.pledgeId }, ctx.db);
    expect((await listReviewQueue(ctx.db)).items.some((i) => i.mentionId === summit.id)).toBe(false);
    await undoHistoryEntry(analyst, { eventId: kept.eventId }, ctx.db);
    expect((await listReviewQueue(ctx.db)).items.some((i) => i.mentionId === summit.id)).toBe(true);
  });

  it("a rival merged away stands for its survivor, and one merged into the mention's own pledge is gone", async () => {
    const summit = (await ctx.db.mention.findMany({ where: { phrase: { contains: "summit" } } }))[0];
    const [rival] = await ctx.db.linkCandidate.findMany({ where: { mentionId: summit.id } });
    const honey = (await ctx.db.mention.findMany({ where: { phrase: { contains: "honey" } } }))[0];
    const survivor = await ctx.db.pledge.findUniqueOrThrow({ where: { id: honey.pledgeId } });
    const other = await ctx.db.pledge.findUniqueOrThrow({ where: { id: rival.pledgeId } });
    await mergePledges(analyst, { survivorId: survivor.id, survivorVersion: survivor.version, otherId: other.id, otherVersion: other.version }, ctx.db);
    const merged = await ctx.db.pledgeEvent.findFirstOrThrow({ where: { kind: "MERGED", pledgeId: survivor.id } });
    const shown = (await listReviewQueue(ctx.db)).items.find((i) => i.mentionId === summit.id);
    expect(shown?.rivals.map((r) => r.pledgeId)).toEqual([survivor.id]);
    await undoHistoryEntry(analyst, { eventId: merged.id }, ctx.db);
    expect((await listReviewQueue(ctx.db)).items.find((i) => i.mentionId === summit.id)?.rivals.map((r) => r.pledgeId)).toEqual([rival.pledgeId]);
  });

  it("moving the mention to the rival takes it off the queue and teaches the next readout", async () => {
    const summit = (await ctx.db.mention.findMany({ where: { phrase: { contains: "summit" } } }))[0];
    const [rival] = await ctx.db.linkCandidate.findMany({ where: { mentionId: summit.id } });
    await moveMention(analyst, { mentionId: summit.id, pledgeId: summit.pledgeId, toPledgeId: rival.pledgeId }, ctx.db);
    expect((await listReviewQueue(ctx.db)).items.some((i) => i.mentionId === summit.id)).toBe(false);
    const again = about(await ingest(SUMMIT), "summit");
    expect(again.pledgeId).toBe(rival.pledgeId);
    expect(again.linkReason).toMatch(/an analyst linked this wording/);
    expect((await listReviewQueue(ctx.db)).items.some((i) => i.mentionId === again.id)).toBe(false);
  });
});
