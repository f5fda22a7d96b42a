import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { formatSummary, ingestFiles } from "@/server/ingest/ingest-files";
import type { Actor } from "@/server/services/actor";
import { deleteMeeting } from "@/server/services/delete-meeting";
import { ForbiddenError } from "@/server/services/errors";
import { moveMention } from "@/server/services/move-mention";
import { rejectMention } from "@/server/services/reject-mention";
import { setMeetingSource } from "@/server/services/set-meeting-source";
import { checkInvariants } from "@/server/stats/invariants";
import { freshDatabase } from "./support";

import { KABAR, KABAR_OTHER_MEETING, XINHUA, XINHUA_CORRECTED } from "../fixtures/meeting-life-readouts";

let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let admin: Actor;
let analyst: Actor;

async function account(role: "ADMIN" | "ANALYST"): Promise<Actor> {
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${id.slice(0, 8)}@meetings.test`;
  await db.user.create({ data: { id, email, name: role, role } });
  return { id, email, name: role, role };
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "pledge-meetings-"));
const currentMeetings = () => db.meeting.count({ where: { replacedById: null, primaryId: null } });

async function reset() {
  await db.$executeRawUnsafe(`truncate "Mention", "Participant", "PledgeYear", "TopicYear", "PledgeEvent", "MeetingEvent", "Pledge", "Meeting" restart identity cascade`);
}

beforeAll(async () => {
  ctx = await freshDatabase("meeting_life");
  db = ctx.db;
  admin = await account("ADMIN");
  analyst = await account("ANALYST");
});
afterAll(async () => ctx?.drop());

describe("a new version of a stored readout", () => {
  it("replaces it when the file at the same path changes, keeping matched mentions with their pledge and the analyst's decisions", { timeout: 60_000 }, async () => {
    await reset();
    const dir = tmp();
    const file = write(dir, "talks.txt", XINHUA);
    expect((await ingestFiles(db, [file])).created).toBe(1);
    const first = await db.meeting.findFirstOrThrow({ include: { mentions: { orderBy: { phraseStart: "asc" } } } });
    expect(first.sourcePath).toBe(path.resolve(file));

    // An analyst rejects the quarantine mention and moves the scholarships mention onto a pledge of their own.
    const quarantine = first.mentions.find((m) => m.phrase.includes("quarantine"))!;
    const scholarships = first.mentions.find((m) => m.phrase.includes("scholarships"))!;
    await rejectMention(analyst, { mentionId: quarantine.id, pledgeId: quarantine.pledgeId }, db);
    await moveMention(analyst, { mentionId: scholarships.id, pledgeId: scholarships.pledgeId, newTitle: "Fund scholarships for Kyrgyz students" }, db);
    const movedTo = (await db.mention.findUniqueOrThrow({ where: { id: scholarships.id } })).pledgeId;
    const centrePledge = first.mentions.find((m) => m.phrase.includes("vocational training centre"))!.pledgeId;

    write(dir, "talks.txt", XINHUA_CORRECTED);
    const summary = await ingestFiles(db, [file]);
    expect(summary.failed).toEqual([]);
    expect(summary.created).toBe(0);
    expect(summary.replaced).toEqual([expect.objectContaining({ previousMeetingId: first.id, version: 2, why: "the same file" })]);
    expect(formatSummary(summary)).toMatch(/new: 0 {2}replaced: 1 /);
    expect(formatSummary(summary)).toContain(`REPLACED ${file}: version 2 of meeting ${first.id} (the same file)`);

    expect(await currentMeetings()).toBe(1);
    const old = await db.meeting.findUniqueOrThrow({ where: { id: first.id }, include: { mentions: true } });
    const current = await db.meeting.findFirstOrThrow({ where: { replacedById: null }, include: { mentions: true } });
    expect(old.replacedById).toBe(current.id);
    expect(old.text).toBe(XINHUA);
    expect(old.mentions).toEqual([]);
    expect(old.archivedMentions).toHaveLength(first.mentions.length);
    expect(current.version).toBe(2);

    // Kept mentions are the same rows, now on the new text, with the analyst's decisions.
    const keptQuarantine = await db.mention.findUniqueOrThrow({ where: { id: quarantine.id } });
    expect(keptQuarantine).toMatchObject({ meetingId: current.id, review: "REJECTED" });
    expect(current.text.slice(keptQuarantine.phraseStart, keptQuarantine.phraseEnd)).toBe(keptQuarantine.phrase);
    expect(await db.mention.findUniqueOrThrow({ where: { id: scholarships.id } })).toMatchObject({ meetingId: current.id, pledgeId: movedTo, linkMethod: "ANALYST" });
    // The sentence the correction removed is gone, and so is the pledge only it made.
    expect(await db.pledge.findUnique({ where: { id: centrePledge } })).toBeNull();
    // The new wording is a mention of its own; nothing is counted twice.
    expect(current.mentions.some((m) => m.phrase.includes("Cholpon-Ata"))).toBe(true);
    for (const pledge of await db.pledge.findMany({ where: { mergedIntoId: null } })) expect(pledge.meetingCount).toBeLessThanOrEqual(1);
    expect(await checkInvariants(db)).toEqual([]);

    const event = await db.meetingEvent.findFirstOrThrow({ where: { meetingId: current.id, kind: "REPLACED" } });
    expect(event.data).toMatchObject({ previousMeetingId: first.id, version: 2, kept: first.mentions.length - 2 });
  });

  it("replaces it when it comes from the same source URL under another file name, or has the same date, outlet and participants", { timeout: 60_000 }, async () => {
    await reset();
    const dir = tmp();
    const url = "https://news.example.org/2024/05/15/talks";
    await ingestFiles(db, [write(dir, "first.txt", XINHUA)], { sourceUrl: url });
    const byUrl = await ingestFiles(db, [write(dir, "saved-again.txt", XINHUA_CORRECTED)], { sourceUrl: url });
    expect(byUrl.replaced).toEqual([expect.objectContaining({ version: 2, why: "the same source URL" })]);

    const third = XINHUA_CORRECTED.replace("every year", "each year");
    const byFacts = await ingestFiles(db, [write(dir, "third.txt", third)]);
    expect(byFacts.replaced).toEqual([expect.objectContaining({ version: 3, why: "the same meeting date, outlet and participants" })]);
    expect(await currentMeetings()).toBe(1);
    expect(await db.meeting.count()).toBe(3);
    expect(await checkInvariants(db)).toEqual([]);
  });
});

describe("another outlet's readout of the same meeting", () => {
  it("joins the meeting as a source, and a pledge both report counts once for the meeting", { timeout: 60_000 }, async () => {
    await reset();
    const dir = tmp();
    const summary = await ingestFiles(db, [write(dir, "xinhua.txt", XINHUA), write(dir, "kabar.txt", KABAR), write(dir, "kabar-2.txt", KABAR_OTHER_MEETING)]);
    expect(summary.failed).toEqual([]);
    expect(summary.sources).toHaveLength(1);
    // The visitor's other meeting that day, with someone else, is a meeting of its own.
    expect(await currentMeetings()).toBe(2);
    expect(await db.meeting.findFirstOrThrow({ where: { title: { startsWith: "Kulubaev meets" } } })).toMatchObject({ primaryId: null });

    const scholarships = await db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: { contains: "scholarships" } } } }, include: { mentions: true } });
    expect(scholarships.mentions).toHaveLength(2);
    expect(scholarships.meetingCount).toBe(1);
    expect(scholarships.mentionCount).toBe(1);
    const primary = await db.meeting.findFirstOrThrow({ where: { outlet: "Xinhua" } });
    expect(scholarships.firstMeetingId).toBe(primary.id);
    // What only the second outlet reported counts for the meeting too.
    const glacier = await db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: { contains: "glacier" } } } } });
    expect(glacier).toMatchObject({ meetingCount: 1, mentionCount: 1, firstMeetingId: primary.id });
    expect(await db.meetingEvent.count({ where: { meetingId: primary.id, kind: "SOURCE_ADDED" } })).toBe(1);
    expect(await checkInvariants(db)).toEqual([]);
  });
});

describe("an analyst's correction of which readouts report one meeting", () => {
  it("separates a source into a meeting of its own and files it back, recounting both", { timeout: 60_000 }, async () => {
    await reset();
    const dir = tmp();
    await ingestFiles(db, [write(dir, "xinhua.txt", XINHUA), write(dir, "kabar.txt", KABAR)]);
    const primary = await db.meeting.findFirstOrThrow({ where: { outlet: "Xinhua" } });
    const source = await db.meeting.findFirstOrThrow({ where: { outlet: "Kabar" } });
    const scholarships = () => db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: { contains: "scholarships" } } } } });
    expect(await scholarships()).toMatchObject({ meetingCount: 1, mentionCount: 1 });

    await expect(setMeetingSource(null, { meetingId: source.id, primaryId: "" }, db)).rejects.toThrow(/sign in/i);
    await setMeetingSource(analyst, { meetingId: source.id, primaryId: "" }, db);
    expect(await currentMeetings()).toBe(2);
    expect(await scholarships()).toMatchObject({ meetingCount: 2, mentionCount: 2 });
    expect(await checkInvariants(db)).toEqual([]);
    await expect(setMeetingSource(analyst, { meetingId: source.id, primaryId: "" }, db)).rejects.toThrow(/already a meeting of its own/);
    await expect(setMeetingSource(analyst, { meetingId: source.id, primaryId: source.id }, db)).rejects.toThrow(/source of itself/);

    await setMeetingSource(analyst, { meetingId: source.id, primaryId: primary.id }, db);
    expect(await currentMeetings()).toBe(1);
    expect(await scholarships()).toMatchObject({ meetingCount: 1, mentionCount: 1, firstMeetingId: primary.id });
    // The meeting with a source cannot itself be filed under another one.
    await expect(setMeetingSource(analyst, { meetingId: primary.id, primaryId: source.id }, db)).rejects.toThrow(/source of another meeting/);
    const kinds = (await db.meetingEvent.findMany({ where: { meetingId: source.id }, orderBy: { id: "asc" } })).map((e) => [e.kind, e.userId]);
    expect(kinds).toEqual([["SOURCE_SEPARATED", analyst.id], ["SOURCE_JOINED", analyst.id]]);
    expect(await checkInvariants(db)).toEqual([]);
  });
});

describe("deleting a meeting", () => {
  it("is for admins only, removes every version and source, and the figures follow", { timeout: 60_000 }, async () => {
    await reset();
    const dir = tmp();
    const earlier = XINHUA.replaceAll("2024-05-15", "2023-09-01").replace("May 15", "September 1").replace("on Wednesday", "on Friday");
    await ingestFiles(db, [write(dir, "earlier.txt", earlier)]);
    const file = write(dir, "talks.txt", XINHUA);
    await ingestFiles(db, [file, write(dir, "kabar.txt", KABAR)]);
    write(dir, "talks.txt", XINHUA_CORRECTED);
    await ingestFiles(db, [file]);
    const target = await db.meeting.findFirstOrThrow({ where: { replacedById: null, primaryId: null, outlet: "Xinhua", meetingDate: new Date("2024-05-15") } });
    const repeated = await db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: { contains: "apricots" } } } } });
    expect(repeated.meetingCount).toBe(2);
    const glacier = await db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: { contains: "glacier" } } } } });

    await expect(deleteMeeting(analyst, { meetingId: target.id, confirm: "delete" }, db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteMeeting(admin, { meetingId: target.id }, db)).rejects.toMatchObject({ fieldErrors: { confirm: [expect.stringMatching(/confirm/)] } });

    const result = await deleteMeeting(admin, { meetingId: target.id, confirm: "delete" }, db);
    expect(result.readouts).toBe(3); // both versions and the other outlet's source
    expect(await db.meeting.count()).toBe(1);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: repeated.id } })).toMatchObject({ meetingCount: 1, mentionCount: 1, lastMentionDate: new Date("2023-09-01") });
    expect(await db.pledge.findUnique({ where: { id: glacier.id } })).toBeNull();
    const years = await db.topicYear.findMany();
    expect(years.filter((y) => y.year === 2024 && (y.mentions > 0 || y.pledges > 0))).toEqual([]);
    expect(years.filter((y) => y.year === 2023).reduce((n, y) => n + y.mentions, 0)).toBeGreaterThan(0);
    expect(await db.meetingEvent.findFirstOrThrow({ where: { kind: "DELETED" } })).toMatchObject({ userId: admin.id, meetingId: target.id });
    expect(await checkInvariants(db)).toEqual([]);
    await expect(deleteMeeting(admin, { meetingId: target.id, confirm: "delete" }, db)).rejects.toThrow(/does not exist/);
  });

  it("run at the same moment as a new version's ingestion, ends in one of the two orders, never half of each", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 4; round++) {
      await reset();
      const dir = tmp();
      const file = write(dir, "talks.txt", XINHUA);
      await ingestFiles(db, [file, write(dir, "kabar.txt", KABAR)]);
      const meeting = await db.meeting.findFirstOrThrow({ where: { outlet: "Xinhua" } });
      write(dir, "talks.txt", XINHUA_CORRECTED);
      const [deleted, ingested] = await Promise.allSettled([
        deleteMeeting(admin, { meetingId: meeting.id, confirm: "delete" }, db),
        ingestFiles(db, [file]),
      ]);
      expect(deleted.status).toBe("fulfilled");
      expect(ingested.status).toBe("fulfilled");
      const summary = (ingested as PromiseFulfilledResult<Awaited<ReturnType<typeof ingestFiles>>>).value;
      expect(summary.failed).toEqual([]);
      // Either the deletion came first (the corrected text is then a new meeting of its own), or the
      // replacement did (and the deletion took both versions and the source with it).
      const left = await db.meeting.findMany({ include: { mentions: true } });
      if (summary.created === 1) {
        expect(left).toHaveLength(1);
        expect(left[0]).toMatchObject({ version: 1, replacedById: null, primaryId: null });
      } else {
        expect(summary.replaced).toHaveLength(1);
        expect(left).toEqual([]);
        expect(await db.pledge.count()).toBe(0);
      }
      expect(await checkInvariants(db)).toEqual([]);
    }
  });
});
