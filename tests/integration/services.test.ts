import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { changePledgeActors } from "@/server/services/change-pledge-actors";
import { changePledgeStatus } from "@/server/services/change-pledge-status";
import { ConflictError, ForbiddenError, InvalidInputError, UnauthenticatedError } from "@/server/services/errors";
import { renamePledge } from "@/server/services/rename-pledge";
import { freshDatabase } from "./support";

let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let analyst: Actor;
let viewer: Actor;
let topicId: number;

async function makeActor(role: Actor["role"]): Promise<Actor> {
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${id.slice(0, 8)}@services.test`;
  await db.user.create({ data: { id, email, name: role, role } });
  return { id, email, name: role, role };
}

/** A pledge with one mention in a meeting of its own. */
async function makePledge(title = "Import more Tajik agricultural products") {
  const meeting = await db.meeting.create({
    data: {
      sourceName: "test.txt",
      contentHash: randomUUID(),
      title: "Test readout",
      meetingDate: new Date("2024-07-05T00:00:00Z"),
      dateEvidence: "explicit",
      countries: ["China", "Tajikistan"],
      text: "China will import more Tajik agricultural products.",
      analysedRanges: [[0, 51]],
    },
  });
  const pledge = await db.pledge.create({
    data: { title, topicId, actors: ["China"], giver: "China", countryPair: "China|Tajikistan", linkKeys: ["agricultural"] },
  });
  await db.mention.create({
    data: {
      pledgeId: pledge.id,
      meetingId: meeting.id,
      quote: meeting.text,
      start: 0,
      end: 51,
      phrase: "import more Tajik agricultural products",
      phraseStart: 11,
      phraseEnd: 50,
      sentenceIndex: 0,
      cue: "will",
      firmness: 4,
      specificity: 1,
      confidence: 1,
      linkMethod: "FIRST",
      linkReason: "first",
    },
  });
  return pledge;
}

const fulfilled = (pledgeId: number, version: number, note = "Customs data show the first shipments.") => ({
  pledgeId,
  version,
  status: "FULFILLED",
  note,
  evidenceUrl: "https://example.org/customs-2024",
  evidenceDate: "2024-12-01",
});

beforeAll(async () => {
  ctx = await freshDatabase("services_edit");
  db = ctx.db;
  topicId = (await db.topic.create({ data: { slug: "trade", name: "Trade", description: "Trade" } })).id;
  analyst = await makeActor("ANALYST");
  viewer = await makeActor("VIEWER");
});
afterAll(async () => ctx?.drop());

describe("changing a pledge's status", () => {
  it("refuses signed-out and viewer edits and leaves the database unchanged", async () => {
    const pledge = await makePledge();
    await expect(changePledgeStatus(null, fulfilled(pledge.id, 1), db)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changePledgeStatus(viewer, fulfilled(pledge.id, 1), db)).rejects.toBeInstanceOf(ForbiddenError);
    const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
    expect(after.status).toBe("NOT_YET_ASSESSED");
    expect(after.version).toBe(1);
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id } })).toBe(0);
  });

  it("records who, when, from, to, the note, the evidence and its date", async () => {
    const pledge = await makePledge();
    const record = await changePledgeStatus(analyst, fulfilled(pledge.id, 1), db);
    expect(record.status).toBe("FULFILLED");
    expect(record.version).toBe(2);
    const [event] = record.history;
    expect(event).toMatchObject({
      kind: "STATUS_CHANGED",
      by: analyst.email,
      fromStatus: "NOT_YET_ASSESSED",
      toStatus: "FULFILLED",
      note: "Customs data show the first shipments.",
      evidenceUrl: "https://example.org/customs-2024",
      evidenceDate: "2024-12-01",
    });
    expect(Date.now() - Date.parse(event.at)).toBeLessThan(60_000);
  });

  it("requires a note, a citation or http(s) link, and a date that is not in the future", async () => {
    const pledge = await makePledge();
    const error = await changePledgeStatus(
      analyst,
      { ...fulfilled(pledge.id, 1), note: "", evidenceUrl: "javascript:alert(1)", evidenceDate: "2999-01-01" },
      db,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["evidenceDate", "evidenceUrl", "note"]);
    const citation = await changePledgeStatus(analyst, { ...fulfilled(pledge.id, 1), evidenceUrl: "Ministry of Agriculture annual report 2024, p. 12" }, db);
    expect(citation.history[0].evidenceUrl).toBe("Ministry of Agriculture annual report 2024, p. 12");
  });

  it("lets exactly one of two concurrent edits of the same version win; the other sees what changed", async () => {
    const pledge = await makePledge();
    const results = await Promise.allSettled([
      changePledgeStatus(analyst, fulfilled(pledge.id, 1, "First analyst's note"), db),
      changePledgeStatus(analyst, { ...fulfilled(pledge.id, 1, "Second analyst's note"), status: "STALLED" }, db),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0].reason as ConflictError;
    expect(conflict).toBeInstanceOf(ConflictError);
    const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
    expect(after.version).toBe(2);
    expect(conflict.current.pledge?.status).toBe(after.status);
    expect(conflict.current.changes[0]).toMatchObject({ kind: "STATUS_CHANGED", by: analyst.email, toStatus: after.status });
    expect(conflict.message).toContain("Nothing was saved");
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id } })).toBe(1);
  });

  it("refuses a stale version after the fact, and accepts the same edit against the current version", async () => {
    const pledge = await makePledge();
    await changePledgeStatus(analyst, fulfilled(pledge.id, 1), db);
    await expect(changePledgeStatus(analyst, { ...fulfilled(pledge.id, 1), status: "STALLED" }, db)).rejects.toBeInstanceOf(ConflictError);
    const retried = await changePledgeStatus(analyst, { ...fulfilled(pledge.id, 2), status: "STALLED" }, db);
    expect(retried.version).toBe(3);
    expect(retried.history.map((e) => e.toStatus)).toEqual(["FULFILLED", "STALLED"]);
  });
});

describe("curation fields", () => {
  it("renames and sets actors, marking both as the analyst's, each with its history entry", async () => {
    const pledge = await makePledge();
    await renamePledge(analyst, { pledgeId: pledge.id, version: 1, title: "Import Tajik farm products" }, db);
    await changePledgeActors(analyst, { pledgeId: pledge.id, version: 2, actors: ["china", "Tajikistan"] }, db);
    const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(after).toMatchObject({ title: "Import Tajik farm products", titleByAnalyst: true, actorsByAnalyst: true, giver: "joint", version: 3 });
    expect(after.actors).toEqual(["China", "Tajikistan"]);
    expect(after.events.map((e) => e.kind)).toEqual(["RENAMED", "ACTORS_CHANGED"]);
    await expect(
      changePledgeActors(analyst, { pledgeId: pledge.id, version: 3, actors: ["Uzbekistan"] }, db),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("stores SQL-looking text as plain data", async () => {
    const pledge = await makePledge();
    const title = `Robert'); DROP TABLE "Pledge"; --`;
    const note = `' OR 1=1; DELETE FROM "PledgeEvent"; --`;
    await renamePledge(analyst, { pledgeId: pledge.id, version: 1, title }, db);
    const record = await changePledgeStatus(analyst, { ...fulfilled(pledge.id, 2), note }, db);
    expect(record.title).toBe(title);
    expect(record.history.at(-1)?.note).toBe(note);
    expect(await db.pledge.count()).toBeGreaterThan(1);
    expect(await db.pledgeEvent.count()).toBeGreaterThan(2);
  });
});
