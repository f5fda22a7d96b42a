import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { acceptMention } from "@/server/services/accept-mention";
import type { Actor } from "@/server/services/actor";
import { changePledgeStatus } from "@/server/services/change-pledge-status";
import { ConflictError, InvalidInputError } from "@/server/services/errors";
import { mergePledges } from "@/server/services/merge-pledges";
import { moveMention } from "@/server/services/move-mention";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { rejectMention } from "@/server/services/reject-mention";
import { freshDatabase } from "./support";

let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let analyst: Actor;
let topicId: number;
let offset = 0;

async function meeting(date: string) {
  return db.meeting.create({
    data: {
      sourceName: `${date}.txt`,
      contentHash: randomUUID(),
      title: `Readout of ${date}`,
      meetingDate: new Date(`${date}T00:00:00Z`),
      dateEvidence: "explicit",
      countries: ["China", "Tajikistan"],
      text: "The two sides will build the Luban Workshop and expand trade.",
      analysedRanges: [[0, 62]],
    },
  });
}

/** A pledge with one mention per date; stats are computed by the function under test. */
async function pledgeWithMentions(title: string, dates: string[], countryPair = "China|Tajikistan") {
  const pledge = await db.pledge.create({
    data: { title, topicId, actors: ["China", "Tajikistan"], giver: "joint", countryPair, linkKeys: [title.toLowerCase()] },
  });
  const mentionIds: number[] = [];
  for (const [index, date] of dates.entries()) {
    const m = await meeting(date);
    offset += 1;
    const mention = await db.mention.create({
      data: {
        pledgeId: pledge.id,
        meetingId: m.id,
        quote: `${title} (${date})`,
        start: 0,
        end: 62,
        phrase: title,
        phraseStart: offset,
        phraseEnd: offset + 10,
        sentenceIndex: 0,
        cue: "will",
        firmness: index + 1,
        specificity: 2,
        confidence: 0.5,
        linkMethod: index === 0 ? "FIRST" : "AUTOMATIC",
        linkReason: "shared key terms",
      },
    });
    mentionIds.push(mention.id);
  }
  await db.$transaction((tx) => refreshPledgeStats(tx, [pledge.id]));
  return { ...(await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })), mentionIds };
}

const status = (pledgeId: number, version: number) => ({
  pledgeId,
  version,
  status: "IN_PROGRESS",
  note: "Construction started",
  evidenceUrl: "https://example.org/news",
  evidenceDate: "2024-05-01",
});

beforeAll(async () => {
  ctx = await freshDatabase("services_curation");
  db = ctx.db;
  topicId = (await db.topic.create({ data: { slug: "education", name: "Education", description: "Education" } })).id;
  const id = randomUUID();
  await db.user.create({ data: { id, email: `curator-${id.slice(0, 8)}@curation.test`, name: "Curator", role: "ANALYST" } });
  analyst = { id, email: `curator-${id.slice(0, 8)}@curation.test`, name: "Curator", role: "ANALYST" };
});
afterAll(async () => ctx?.drop());

describe("refreshPledgeStats", () => {
  it("recomputes counts, first and last dates, first meeting and the strongest wording", async () => {
    const pledge = await pledgeWithMentions("Luban Workshop", ["2024-07-05", "2022-02-05", "2025-06-17"]);
    expect(pledge).toMatchObject({ mentionCount: 3, meetingCount: 3, firmness: 3, specificity: 2 });
    expect(pledge.firstMentionDate?.toISOString().slice(0, 10)).toBe("2022-02-05");
    expect(pledge.lastMentionDate?.toISOString().slice(0, 10)).toBe("2025-06-17");
    const first = await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[1] } });
    expect(pledge.firstMeetingId).toBe(first.meetingId);
  });
});

describe("merging two pledges", () => {
  it("moves every mention and every history entry to the survivor and points the other at it", async () => {
    const survivor = await pledgeWithMentions("Build the Luban Workshop", ["2022-02-05", "2024-07-05"]);
    const other = await pledgeWithMentions("Operate the first Luban Workshop", ["2025-06-17"]);
    await changePledgeStatus(analyst, status(survivor.id, 1), db);
    await changePledgeStatus(analyst, { ...status(other.id, 1), status: "FULFILLED" }, db);
    const eventsBefore = await db.pledgeEvent.findMany({ where: { pledgeId: { in: [survivor.id, other.id] } }, select: { id: true } });

    const result = await mergePledges(analyst, { survivorId: survivor.id, survivorVersion: 2, otherId: other.id, otherVersion: 2 }, db);
    expect(result).toMatchObject({ movedMentions: 1, movedHistory: 1 });

    const after = await db.pledge.findUniqueOrThrow({ where: { id: survivor.id }, include: { mentions: true, events: true } });
    expect(after.mentions.map((m) => m.id).sort()).toEqual([...survivor.mentionIds, ...other.mentionIds].sort());
    expect(after.mentionCount).toBe(3);
    expect(after.lastMentionDate?.toISOString().slice(0, 10)).toBe("2025-06-17");
    expect(after.status).toBe("IN_PROGRESS");
    for (const event of eventsBefore) expect(after.events.map((e) => e.id)).toContain(event.id);
    expect(after.events.filter((e) => e.kind === "MERGED")).toHaveLength(1);

    const merged = await db.pledge.findUniqueOrThrow({ where: { id: other.id } });
    expect(merged).toMatchObject({ mergedIntoId: survivor.id, mentionCount: 0 });
    expect(await db.pledgeEvent.count({ where: { pledgeId: other.id } })).toBe(0);
    const moved = await db.mention.findUniqueOrThrow({ where: { id: other.mentionIds[0] } });
    expect(moved.linkMethod).toBe("ANALYST");
  });

  it("refuses a stale version and a pledge between other countries, moving nothing", async () => {
    const a = await pledgeWithMentions("Expand trade", ["2022-08-01"]);
    const b = await pledgeWithMentions("Expand trade with Uzbekistan", ["2022-08-01"], "China|Uzbekistan");
    const c = await pledgeWithMentions("Expand bilateral trade", ["2024-07-05"]);
    await expect(mergePledges(analyst, { survivorId: a.id, survivorVersion: 1, otherId: b.id, otherVersion: 1 }, db)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(mergePledges(analyst, { survivorId: a.id, survivorVersion: 7, otherId: c.id, otherVersion: 1 }, db)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await db.mention.count({ where: { pledgeId: c.id } })).toBe(1);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: c.id } })).mergedIntoId).toBeNull();
  });
});

describe("deciding on one mention", () => {
  it("moves a mention to another pledge as the analyst's link and refreshes both pledges", async () => {
    const from = await pledgeWithMentions("Green energy", ["2022-02-05", "2024-07-05"]);
    const to = await pledgeWithMentions("Hydropower", ["2025-06-17"]);
    await moveMention(analyst, { mentionId: from.mentionIds[1], pledgeId: from.id, toPledgeId: to.id }, db);
    const mention = await db.mention.findUniqueOrThrow({ where: { id: from.mentionIds[1] } });
    expect(mention).toMatchObject({ pledgeId: to.id, linkMethod: "ANALYST", review: "ACCEPTED" });
    const [fromAfter, toAfter] = await Promise.all([from.id, to.id].map((id) => db.pledge.findUniqueOrThrow({ where: { id } })));
    expect(fromAfter).toMatchObject({ mentionCount: 1, version: 2 });
    expect(toAfter).toMatchObject({ mentionCount: 2, version: 2 });
    expect(toAfter.firstMentionDate?.toISOString().slice(0, 10)).toBe("2024-07-05");
    expect(await db.pledgeEvent.count({ where: { kind: "MENTION_MOVED", pledgeId: { in: [from.id, to.id] } } })).toBe(2);

    // The same decision made on a stale page: the mention is no longer on `from`.
    await expect(
      moveMention(analyst, { mentionId: from.mentionIds[1], pledgeId: from.id, toPledgeId: to.id }, db),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("moves a mention to a new pledge named by the analyst", async () => {
    const from = await pledgeWithMentions("Transport and logistics", ["2022-02-05", "2024-07-05"]);
    const result = await moveMention(analyst, { mentionId: from.mentionIds[0], pledgeId: from.id, newTitle: "Build the China–Tajikistan highway" }, db);
    expect(result.createdPledge).toBe(true);
    const created = await db.pledge.findUniqueOrThrow({ where: { id: result.toPledgeId }, include: { events: true } });
    expect(created).toMatchObject({ title: "Build the China–Tajikistan highway", titleByAnalyst: true, mentionCount: 1, countryPair: "China|Tajikistan" });
    expect(created.events.map((e) => e.kind).sort()).toEqual(["CREATED", "MENTION_MOVED"]);
  });

  it("rejects a mention as not a pledge (it stops counting) and accepts a link", async () => {
    const pledge = await pledgeWithMentions("Digital economy", ["2022-02-05", "2024-07-05", "2025-06-17"]);
    await rejectMention(analyst, { mentionId: pledge.mentionIds[2], pledgeId: pledge.id }, db);
    await acceptMention(analyst, { mentionId: pledge.mentionIds[1], pledgeId: pledge.id }, db);
    const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id }, include: { mentions: { orderBy: { id: "asc" } }, events: true } });
    expect(after.mentions.map((m) => m.review)).toEqual(["UNREVIEWED", "ACCEPTED", "REJECTED"]);
    expect(after).toMatchObject({ mentionCount: 2, version: 3 });
    expect(after.lastMentionDate?.toISOString().slice(0, 10)).toBe("2024-07-05");
    expect(after.events.map((e) => e.kind).sort()).toEqual(["LINK_ACCEPTED", "MENTION_REJECTED"]);
  });
});
