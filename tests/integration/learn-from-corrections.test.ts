import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTopics } from "@/server/ingest/ingest-readout";
import type { Actor } from "@/server/services/actor";
import { mergePledges } from "@/server/services/merge-pledges";
import { moveMention } from "@/server/services/move-mention";
import { rejectMention } from "@/server/services/reject-mention";
import { undoHistoryEntry } from "@/server/services/undo-history-entry";
import { freshDatabase, weeklyMeetings } from "./support";

// Small readouts written for this test: one meeting each, the same two ministers, and commitments
// whose wordings the engine alone does not link (a solar station / photovoltaic capacity; training
// railway engineers / preparing rail transport specialists).
const SOLAR = "Wang said China will build a solar power station near Dushanbe.";
const PHOTOVOLTAIC = "Wang said China is ready to set up photovoltaic generating capacity in the south of Tajikistan.";
const RHETORIC = "Muhriddin said Tajikistan will consolidate the friendly public sentiment between the two peoples.";
const RAIL_A = "Wang said China will help train Tajik railway engineers.";
const RAIL_B = "Wang said China is willing to prepare specialists for Tajik rail transport.";

describe("analysts' corrections teach the linker", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  let analyst: Actor;
  /** Ingests a readout of a new meeting (a week after the last) and returns its mentions. */
  const { ingest, about } = weeklyMeetings(() => ctx.db, Date.UTC(2021, 0, 1), "readout");

  beforeAll(async () => {
    ctx = await freshDatabase("learn_from_corrections");
    const id = randomUUID();
    analyst = { id, email: `a-${id.slice(0, 8)}@example.org`, name: "Analyst", role: "ANALYST" };
    await ctx.db.user.create({ data: { ...analyst } });
    await ensureTopics(ctx.db);
  });
  afterAll(async () => ctx?.drop());

  it("links a moved wording to the pledge it was moved to, and not to the one it left; undo withdraws it", async () => {
    const a = await ingest(SOLAR);
    const b = await ingest(PHOTOVOLTAIC);
    const solar = about(a, "solar");
    const photovoltaic = about(b, "photovoltaic");
    expect(photovoltaic.pledgeId, "the engine alone keeps the paraphrases apart").not.toBe(solar.pledgeId);

    const moved = await moveMention(analyst, { mentionId: photovoltaic.id, pledgeId: photovoltaic.pledgeId, toPledgeId: solar.pledgeId }, ctx.db);
    const labels = await ctx.db.linkCorrection.findMany({ where: { mentionId: photovoltaic.id }, orderBy: { id: "asc" } });
    expect(labels.map((l) => [l.kind, l.linked, l.pledgeId])).toEqual([
      ["MOVE", true, solar.pledgeId],
      ["MOVE", false, photovoltaic.pledgeId],
    ]);
    const target = await ctx.db.pledge.findUniqueOrThrow({ where: { id: solar.pledgeId } });
    expect(target.retrievalKeys).toContain("China|Tajikistan:photovolta");

    // A later readout with the corrected wording links to the right pledge without a new correction.
    const c = about(await ingest(PHOTOVOLTAIC, "The two sides will hold a youth festival in Khujand."), "photovoltaic");
    expect(c.pledgeId).toBe(solar.pledgeId);
    expect(c.linkMethod).toBe("AUTOMATIC");
    expect(c.linkReason).toMatch(/^an analyst linked this wording to this pledge on \d{4}-\d{2}-\d{2} \(move\)$/);

    // Undone: the labels go, the alias keys go, and the wording finds its own pledge again.
    await undoHistoryEntry(analyst, { eventId: moved.eventId }, ctx.db);
    expect(await ctx.db.linkCorrection.count({ where: { mentionId: photovoltaic.id } })).toBe(0);
    const restored = await ctx.db.pledge.findUniqueOrThrow({ where: { id: solar.pledgeId } });
    expect(restored.retrievalKeys).not.toContain("China|Tajikistan:photovolta");
    const d = about(await ingest(PHOTOVOLTAIC, "The two sides will open a consulate in Khujand."), "photovoltaic");
    expect(d.pledgeId).toBe(photovoltaic.pledgeId);
    expect(d.linkReason).not.toMatch(/analyst/);
  });

  it("never links a wording again to a pledge an analyst moved it away from", async () => {
    const first = about(await ingest("Wang said China will expand the exchange programme for young diplomats."), "diplomats");
    const second = about(await ingest("Wang said China will expand the exchange programme for young diplomats this year."), "diplomats");
    expect(second.pledgeId, "the engine links the two").toBe(first.pledgeId);

    await moveMention(analyst, { mentionId: second.id, pledgeId: second.pledgeId, newTitle: "Diplomats' exchange this year" }, ctx.db);
    const own = (await ctx.db.mention.findUniqueOrThrow({ where: { id: second.id } })).pledgeId;
    const labels = await ctx.db.linkCorrection.findMany({ where: { mentionId: second.id }, orderBy: { id: "asc" } });
    expect(labels.map((l) => [l.linked, l.pledgeId])).toEqual([
      [true, own],
      [false, first.pledgeId],
    ]);

    const third = about(await ingest("Wang said China will expand the exchange programme for young diplomats this year.", "The two sides will hold a film week in Dushanbe."), "diplomats");
    expect(third.pledgeId).toBe(own);
    expect(third.pledgeId).not.toBe(first.pledgeId);
    expect(third.linkReason).toMatch(/an analyst linked this wording/);
  });

  it("links a merged pledge's wordings to the survivor; a split withdraws them", async () => {
    const g = about(await ingest(RAIL_A), "railway");
    const h = about(await ingest(RAIL_B), "rail transport");
    expect(h.pledgeId).not.toBe(g.pledgeId);
    const [survivor, other] = await Promise.all([g.pledgeId, h.pledgeId].map((id) => ctx.db.pledge.findUniqueOrThrow({ where: { id } })));
    await mergePledges(analyst, { survivorId: survivor.id, survivorVersion: survivor.version, otherId: other.id, otherVersion: other.version }, ctx.db);
    const label = await ctx.db.linkCorrection.findFirstOrThrow({ where: { mentionId: h.id } });
    expect([label.kind, label.linked, label.pledgeId]).toEqual(["MERGE", true, survivor.id]);

    const i = about(await ingest(RAIL_B, "The two sides will hold a chess tournament in Kulob."), "rail transport");
    expect(i.pledgeId).toBe(survivor.id);
    expect(i.linkReason).toMatch(/an analyst linked this wording to this pledge on .* \(merge\)/);

    const merged = await ctx.db.pledgeEvent.findFirstOrThrow({ where: { kind: "MERGED", pledgeId: survivor.id } });
    await undoHistoryEntry(analyst, { eventId: merged.id }, ctx.db);
    expect(await ctx.db.linkCorrection.count({ where: { eventId: merged.id } })).toBe(0);
    const j = about(await ingest(RAIL_B, "The two sides will hold a chess tournament in Khorog."), "rail transport");
    expect(j.linkReason).not.toMatch(/analyst/);
  });

  it("stores a rejected wording already rejected, out of the review queue; undo withdraws it", async () => {
    const a = about(await ingest(RHETORIC), "sentiment");
    const rejected = await rejectMention(analyst, { mentionId: a.id, pledgeId: a.pledgeId }, ctx.db);
    const label = await ctx.db.linkCorrection.findFirstOrThrow({ where: { mentionId: a.id } });
    expect([label.kind, label.linked, label.pledgeId]).toEqual(["REJECT", false, a.pledgeId]);

    const b = about(await ingest(RHETORIC, "Wang said China will donate school buses to Khatlon."), "sentiment");
    expect(b.review).toBe("REJECTED");
    expect(b.pledgeId).toBe(a.pledgeId);
    expect(b.linkReason).toMatch(/^an analyst marked this wording as not a pledge on \d{4}-\d{2}-\d{2}$/);
    const pledge = await ctx.db.pledge.findUniqueOrThrow({ where: { id: a.pledgeId } });
    expect(pledge.mentionCount).toBe(0);

    await undoHistoryEntry(analyst, { eventId: rejected.eventId }, ctx.db);
    expect(await ctx.db.linkCorrection.count({ where: { mentionId: a.id } })).toBe(0);
    const c = about(await ingest(RHETORIC, "Wang said China will donate ambulances to Khatlon."), "sentiment");
    expect(c.review).toBe("UNREVIEWED");
    expect(c.linkReason).not.toMatch(/analyst/);
  });
});
