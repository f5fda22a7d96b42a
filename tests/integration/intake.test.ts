import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { ForbiddenError, InvalidInputError } from "@/server/services/errors";
import { intakeReadout, type IntakeResult } from "@/server/services/intake-readout";
import { freshDatabase } from "./support";

// Written for this test: a readout of an imagined meeting that repeats pledges of fixture 101.
const FOLLOW_UP = `China and Tajikistan agree on farm trade and water projects
Source: Xinhua | 2024-05-14 18:20:00

DUSHANBE, May 14 (Xinhua) -- Chinese Foreign Minister Wang Yi met Tajik Foreign Minister Sirojiddin Muhriddin in Dushanbe on Tuesday.

Wang said China will import more high-quality fruit and vegetables from Tajikistan and will keep opening its market to Tajik farm goods.

China will build three new water supply stations in the Khatlon region and will train 200 Tajik water engineers, Wang said.

Muhriddin said Tajikistan is ready to work with China to finish the traditional medicine centre in Dushanbe soon.
`;

const FIXTURE = "tests/fixtures/readouts/101_xinhua_dateline_cn_tj.txt";
const bytes = (text: string) => new TextEncoder().encode(text);

let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let analyst: Actor;
let viewer: Actor;

async function makeActor(role: Actor["role"]): Promise<Actor> {
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${id.slice(0, 8)}@intake.test`;
  await db.user.create({ data: { id, email, name: `${role} person`, role } });
  return { id, email, name: `${role} person`, role };
}

/** Rows of every table ingestion writes to. */
async function counts() {
  const [meetings, participants, mentions, pledges, pledgeEvents, meetingEvents] = await Promise.all([
    db.meeting.count(),
    db.participant.count(),
    db.mention.count(),
    db.pledge.count(),
    db.pledgeEvent.count(),
    db.meetingEvent.count(),
  ]);
  return { meetings, participants, mentions, pledges, pledgeEvents, meetingEvents };
}

function analysed(result: IntakeResult) {
  if (result.status !== "new" && result.status !== "replaced") throw new Error(`expected a readout to store, got ${JSON.stringify(result).slice(0, 300)}`);
  return result;
}

beforeAll(async () => {
  ctx = await freshDatabase("intake_test");
  db = ctx.db;
  analyst = await makeActor("ANALYST");
  viewer = await makeActor("VIEWER");
  const first = await intakeReadout(analyst, { fileName: "101.txt" }, fs.readFileSync(FIXTURE), { dryRun: false }, db);
  expect(first.status).toBe("new");
});
afterAll(async () => ctx?.drop());

describe("adding readouts from the browser", () => {
  it("previews without storing anything, then stores exactly what the preview showed", async () => {
    const before = await counts();
    const preview = analysed(await intakeReadout(analyst, { fileName: "follow-up.txt", sourceUrl: "https://example.org/follow-up" }, bytes(FOLLOW_UP), { dryRun: true }, db));
    expect(await counts()).toEqual(before);
    expect(preview.stored).toBe(false);
    expect(preview.facts.meetingDate).toBe("2024-05-14");
    expect(preview.plans.length).toBeGreaterThan(1);
    expect(preview.plans.some((p) => p.kind === "linked" && p.pledgeId !== null)).toBe(true);
    expect(preview.plans.some((p) => p.kind === "new")).toBe(true);
    for (const plan of preview.plans) expect(plan.reason.length).toBeGreaterThan(0);

    const stored = analysed(await intakeReadout(analyst, { fileName: "follow-up.txt", sourceUrl: "https://example.org/follow-up" }, bytes(FOLLOW_UP), { dryRun: false }, db));
    expect(stored.stored).toBe(true);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: stored.meetingId }, include: { mentions: { orderBy: { phraseStart: "asc" } } } });
    expect(meeting.sourceUrl).toBe("https://example.org/follow-up");
    expect(meeting.storedById).toBe(analyst.id);
    const shown = [...preview.plans].sort((a, b) => a.phraseStart - b.phraseStart);
    expect(meeting.mentions.map((m) => [m.phraseStart, m.phraseEnd, m.phrase])).toEqual(shown.map((p) => [p.phraseStart, p.phraseEnd, p.phrase]));
    // Linked mentions joined the pledge the preview named; new ones started pledges of their own.
    meeting.mentions.forEach((m, i) => {
      if (shown[i].kind === "linked") expect(m.pledgeId).toBe(shown[i].pledgeId);
      else expect(meeting.mentions.filter((o) => o.pledgeId === m.pledgeId && o.meetingId !== meeting.id)).toEqual([]);
    });
    const newPledges = await db.pledge.count({ where: { firstMeetingId: meeting.id } });
    expect(newPledges).toBe(preview.newPledges);

    const again = await intakeReadout(analyst, { fileName: "same-again.txt" }, bytes(FOLLOW_UP), { dryRun: true }, db);
    expect(again).toMatchObject({ status: "unchanged", meetingId: meeting.id });
  });

  it("previews a corrected version of a stored readout as replacing it, with the mentions it keeps", async () => {
    const url = "https://example.org/follow-up";
    const stored = await db.meeting.findFirstOrThrow({ where: { sourceUrl: url, replacedById: null } });
    const corrected = FOLLOW_UP.replace("200 Tajik water engineers", "300 Tajik water engineers");
    const before = await counts();
    const preview = analysed(await intakeReadout(analyst, { fileName: "follow-up-v2.txt", sourceUrl: url }, bytes(corrected), { dryRun: true }, db));
    expect(await counts()).toEqual(before);
    expect(preview.status).toBe("replaced");
    expect(preview.replaces).toMatchObject({ meetingId: stored.id, title: stored.title, version: 1 });
    expect(preview.replaces!.kept).toBeGreaterThan(0);
    expect(preview.plans.filter((p) => p.kind === "kept")).toHaveLength(preview.replaces!.kept);
  });

  it("previews another outlet's readout of a stored meeting as joining it, with the outlet the analyst gave", async () => {
    const stored = await db.meeting.findFirstOrThrow({ where: { sourceUrl: "https://example.org/follow-up", replacedById: null } });
    const otherOutlet = FOLLOW_UP.replace("Source: Xinhua | 2024-05-14 18:20:00", "Published: 2024-05-15").replace("DUSHANBE, May 14 (Xinhua) -- ", "DUSHANBE, May 14 -- ");
    const preview = analysed(await intakeReadout(analyst, { fileName: "khovar.txt", outlet: "Khovar" }, bytes(otherOutlet), { dryRun: true }, db));
    expect(preview.facts.outlet).toBe("Khovar");
    expect(preview.joins).toEqual({ meetingId: stored.primaryId ?? stored.id, title: stored.title });
  });

  it("asks for the meeting date when the text states none, and uses the one given", async () => {
    const undated = "Wang Yi and Sirojiddin Muhriddin talked about trade.\n\nChina will build a new bridge over the Panj river for Tajikistan, Wang said.\n";
    const before = await counts();
    const asked = await intakeReadout(analyst, { fileName: "undated.txt" }, bytes(undated), { dryRun: true }, db);
    expect(asked.status).toBe("needs-date");
    if (asked.status !== "needs-date") return;
    expect(asked.reason).toMatch(/no meeting date found.*meeting date field/);
    expect(asked.text).toContain("Panj river");
    const dated = analysed(
      await intakeReadout(analyst, { fileName: "undated.txt", meetingDate: "2024-09-02", place: "Dushanbe", participants: JSON.stringify([{ name: "Wang Yi", role: "Foreign Minister", side: "China" }]) }, bytes(undated), { dryRun: true }, db),
    );
    expect(dated.facts).toMatchObject({ meetingDate: "2024-09-02", place: "Dushanbe", participants: [{ name: "Wang Yi", role: "Foreign Minister", side: "China" }] });
    expect(await counts()).toEqual(before);
  });

  it("gives a bad file its reason and stores nothing of it, while a good file of the same batch is stored", async () => {
    const before = await counts();
    const batch = [
      { fileName: "empty.txt", bytes: new Uint8Array() },
      { fileName: "image.txt", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
      { fileName: "102.txt", bytes: fs.readFileSync("tests/fixtures/readouts/102_tj_mfa_wednesday.txt") },
    ];
    const results = [];
    for (const item of batch) results.push(await intakeReadout(analyst, { fileName: item.fileName }, item.bytes, { dryRun: false }, db));
    expect(results[0]).toEqual({ file: "empty.txt", status: "failed", reason: "file is empty" });
    expect(results[1]).toMatchObject({ file: "image.txt", status: "failed", reason: expect.stringMatching(/binary/) });
    const good = analysed(results[2]);
    const after = await counts();
    expect(after.meetings).toBe(before.meetings + 1);
    expect(after.mentions).toBe(before.mentions + good.mentions);
    expect(await db.meeting.count({ where: { sourceName: { in: ["empty.txt", "image.txt"] } } })).toBe(0);
  });

  it("refuses viewers and the signed-out, and checks every field", async () => {
    const before = await counts();
    await expect(intakeReadout(viewer, { fileName: "x.txt" }, bytes(FOLLOW_UP), { dryRun: true }, db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(intakeReadout(null, { fileName: "x.txt" }, bytes(FOLLOW_UP), { dryRun: false }, db)).rejects.toThrow(/sign in/);
    await expect(intakeReadout(analyst, { fileName: "x.txt", sourceUrl: "javascript:alert(1)" }, bytes(FOLLOW_UP), { dryRun: false }, db)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(intakeReadout(analyst, { fileName: "x.txt", meetingDate: "14 May" }, bytes(FOLLOW_UP), { dryRun: false }, db)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await counts()).toEqual(before);
  });
});
