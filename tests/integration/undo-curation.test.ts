import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { ConflictError, ForbiddenError } from "@/server/services/errors";
import { mergePledges } from "@/server/services/merge-pledges";
import { moveMention } from "@/server/services/move-mention";
import { rejectMention } from "@/server/services/reject-mention";
import { acceptMention } from "@/server/services/accept-mention";
import { undoHistoryEntry } from "@/server/services/undo-history-entry";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { freshDatabase } from "./support";

let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let analyst: Actor;
let viewer: Actor;
let topicId: number;
let offset = 0;

/** A pledge with one mention per date, in meetings of its own. */
async function pledgeWithMentions(title: string, dates: string[]) {
  const pledge = await db.pledge.create({
    data: { title, topicId, actors: ["China", "Tajikistan"], giver: "joint", countryPair: "China|Tajikistan", linkKeys: [title.toLowerCase()], retrievalKeys: [`k:${title}`] },
  });
  await db.pledgeEvent.create({ data: { pledgeId: pledge.id, kind: "CREATED", data: { by: "ingestion" } } });
  const mentionIds: number[] = [];
  for (const [index, date] of dates.entries()) {
    const meeting = await db.meeting.create({
      data: {
        sourceName: `${date}.txt`, contentHash: randomUUID(), title: `Readout of ${date}`, meetingDate: new Date(`${date}T00:00:00Z`),
        dateEvidence: "explicit", countries: ["China", "Tajikistan"], text: "The two sides will build it.", analysedRanges: [[0, 28]],
      },
    });
    offset += 1;
    const mention = await db.mention.create({
      data: {
        pledgeId: pledge.id, meetingId: meeting.id, quote: `${title} (${date})`, start: 0, end: 28, phrase: title,
        phraseStart: offset, phraseEnd: offset + 5, sentenceIndex: 0, cue: "will", firmness: 3, specificity: 1, confidence: 0.5,
        linkMethod: index === 0 ? "FIRST" : "AUTOMATIC", linkReason: "shared key terms",
      },
    });
    mentionIds.push(mention.id);
  }
  await db.$transaction((tx) => refreshPledgeStats(tx, [pledge.id]));
  return { ...(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })), mentionIds };
}

const lastEvent = (pledgeId: number, kind: "MERGED" | "MENTION_MOVED" | "MENTION_REJECTED" | "LINK_ACCEPTED") =>
  db.pledgeEvent.findFirstOrThrow({ where: { pledgeId, kind }, orderBy: { id: "desc" } });

beforeAll(async () => {
  ctx = await freshDatabase("undo_curation");
  db = ctx.db;
  topicId = (await db.topic.create({ data: { slug: "trade", name: "Trade", description: "Trade" } })).id;
  for (const role of ["ANALYST", "VIEWER"] as const) {
    const id = randomUUID();
    const email = `${role.toLowerCase()}-${id.slice(0, 8)}@undo.test`;
    await db.user.create({ data: { id, email, name: role, role } });
    if (role === "ANALYST") analyst = { id, email, name: role, role };
    else viewer = { id, email, name: role, role };
  }
});
afterAll(async () => ctx?.drop());

describe("undoing a review decision", () => {
  it("brings a rejected mention back, records before and after, and refuses a second undo", async () => {
    const pledge = await pledgeWithMentions("Expand trade", ["2022-02-05", "2024-07-05"]);
    await rejectMention(analyst, { mentionId: pledge.mentionIds[1], pledgeId: pledge.id }, db);
    const entry = await lastEvent(pledge.id, "MENTION_REJECTED");
    await expect(undoHistoryEntry(viewer, { eventId: entry.id }, db)).rejects.toBeInstanceOf(ForbiddenError);

    await undoHistoryEntry(analyst, { eventId: entry.id }, db);
    const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
    expect(after.mentionCount).toBe(2);
    expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[1] } })).review).toBe("UNREVIEWED");
    const undo = await db.pledgeEvent.findUniqueOrThrow({ where: { undoesId: entry.id } });
    expect(undo).toMatchObject({ kind: "UNDONE", userId: analyst.id, pledgeId: pledge.id });
    expect(undo.data).toMatchObject({ before: { review: "REJECTED" }, after: { review: "UNREVIEWED" } });

    await expect(undoHistoryEntry(analyst, { eventId: entry.id }, db)).rejects.toThrow(/already undone/);
  });

  it("refuses to undo an accept once the mention was rejected since", async () => {
    const pledge = await pledgeWithMentions("Build roads", ["2022-02-05", "2024-07-05"]);
    const accepted = await acceptMention(analyst, { mentionId: pledge.mentionIds[1], pledgeId: pledge.id }, db);
    await rejectMention(analyst, { mentionId: pledge.mentionIds[1], pledgeId: pledge.id }, db);
    await expect(undoHistoryEntry(analyst, { eventId: accepted.eventId }, db)).rejects.toThrow(/reviewed again since/);
  });
});

describe("undoing a move", () => {
  it("puts the mention back where it was and marks both entries undone", async () => {
    const from = await pledgeWithMentions("Green energy", ["2022-02-05", "2024-07-05"]);
    const to = await pledgeWithMentions("Hydropower", ["2025-06-17"]);
    const moved = await moveMention(analyst, { mentionId: from.mentionIds[1], pledgeId: from.id, toPledgeId: to.id }, db);
    // Undone from the entry on the pledge it moved to.
    const entry = await lastEvent(to.id, "MENTION_MOVED");
    await undoHistoryEntry(analyst, { eventId: entry.id }, db);
    const mention = await db.mention.findUniqueOrThrow({ where: { id: moved.mentionId } });
    expect(mention).toMatchObject({ pledgeId: from.id, linkMethod: "AUTOMATIC", review: "UNREVIEWED" });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: from.id } })).mentionCount).toBe(2);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: to.id } })).mentionCount).toBe(1);
    expect(await db.pledgeEvent.count({ where: { kind: "UNDONE", pledgeId: { in: [from.id, to.id] } } })).toBe(2);
    // The entry on the other pledge is marked undone too.
    await expect(undoHistoryEntry(analyst, { eventId: moved.eventId }, db)).rejects.toThrow(/already undone/);
  });

  it("refuses when the mention was moved again since, and changes nothing", async () => {
    const a = await pledgeWithMentions("Digital economy", ["2022-02-05", "2024-07-05"]);
    const b = await pledgeWithMentions("E-commerce", ["2025-06-17"]);
    const c = await pledgeWithMentions("Online trade", ["2025-06-18"]);
    const first = await moveMention(analyst, { mentionId: a.mentionIds[1], pledgeId: a.id, toPledgeId: b.id }, db);
    await moveMention(analyst, { mentionId: a.mentionIds[1], pledgeId: b.id, toPledgeId: c.id }, db);
    const refusal = await undoHistoryEntry(analyst, { eventId: first.eventId }, db).catch((error) => error);
    expect(refusal).toBeInstanceOf(ConflictError);
    expect(refusal.message).toMatch(new RegExp(`moved to pledge ${c.id}`));
    expect((await db.mention.findUniqueOrThrow({ where: { id: a.mentionIds[1] } })).pledgeId).toBe(c.id);
    expect(await db.pledgeEvent.count({ where: { kind: "UNDONE" , pledgeId: { in: [a.id, b.id, c.id] } } })).toBe(0);
  });

  it("folds a pledge the move created back into where the mention came from", async () => {
    const from = await pledgeWithMentions("Transport", ["2022-02-05", "2024-07-05"]);
    const moved = await moveMention(analyst, { mentionId: from.mentionIds[0], pledgeId: from.id, newTitle: "Build the highway" }, db);
    await undoHistoryEntry(analyst, { eventId: moved.eventId }, db);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: moved.toPledgeId } })).toMatchObject({ mergedIntoId: from.id, mentionCount: 0 });
    expect(await db.mention.findUniqueOrThrow({ where: { id: from.mentionIds[0] } })).toMatchObject({ pledgeId: from.id, linkMethod: "FIRST" });
  });
});

describe("splitting a merge", () => {
  it("gives the merged pledge back its mentions, history and keys", async () => {
    const survivor = await pledgeWithMentions("Luban Workshop", ["2022-02-05", "2024-07-05"]);
    const other = await pledgeWithMentions("Operate the Luban Workshop", ["2025-06-17"]);
    const otherEvents = await db.pledgeEvent.findMany({ where: { pledgeId: other.id }, select: { id: true } });
    await mergePledges(analyst, { survivorId: survivor.id, survivorVersion: 1, otherId: other.id, otherVersion: 1 }, db);
    const merge = await lastEvent(survivor.id, "MERGED");

    await undoHistoryEntry(analyst, { eventId: merge.id }, db);
    const [s, o] = await Promise.all([survivor.id, other.id].map((id) => db.pledge.findUniqueOrThrow({ where: { id } })));
    expect(s).toMatchObject({ mentionCount: 2, mergedIntoId: null, retrievalKeys: survivor.retrievalKeys, linkKeys: survivor.linkKeys });
    expect(o).toMatchObject({ mentionCount: 1, mergedIntoId: null });
    expect(await db.mention.findUniqueOrThrow({ where: { id: other.mentionIds[0] } })).toMatchObject({ pledgeId: other.id, linkMethod: "FIRST" });
    for (const event of otherEvents) expect((await db.pledgeEvent.findUniqueOrThrow({ where: { id: event.id } })).pledgeId).toBe(other.id);
    const undo = await db.pledgeEvent.findUniqueOrThrow({ where: { undoesId: merge.id } });
    expect(undo.data).toMatchObject({ before: { mentionCount: 3 }, after: { mentionCount: 2 } });
  });

  it("refuses when a merged mention was moved away since", async () => {
    const survivor = await pledgeWithMentions("Agricultural products", ["2022-02-05"]);
    const other = await pledgeWithMentions("Farm products", ["2024-07-05"]);
    const elsewhere = await pledgeWithMentions("Cotton exports", ["2025-06-17"]);
    await mergePledges(analyst, { survivorId: survivor.id, survivorVersion: 1, otherId: other.id, otherVersion: 1 }, db);
    const merge = await lastEvent(survivor.id, "MERGED");
    await moveMention(analyst, { mentionId: other.mentionIds[0], pledgeId: survivor.id, toPledgeId: elsewhere.id }, db);
    await expect(undoHistoryEntry(analyst, { eventId: merge.id }, db)).rejects.toThrow(new RegExp(`mention ${other.mentionIds[0]} is now on pledge ${elsewhere.id}`));
    expect((await db.pledge.findUniqueOrThrow({ where: { id: other.id } })).mergedIntoId).toBe(survivor.id);
  });
});
