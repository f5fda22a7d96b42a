import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { ingestFiles } from "@/server/ingest/ingest-files";
import type { Actor } from "@/server/services/actor";
import { changePledgeStatus } from "@/server/services/change-pledge-status";
import { ServiceError } from "@/server/services/errors";
import { mergePledges } from "@/server/services/merge-pledges";
import { moveMention } from "@/server/services/move-mention";
import { rejectMention } from "@/server/services/reject-mention";
import { checkInvariants } from "@/server/stats/invariants";
import { freshDatabase } from "./support";

const SEEDS = path.resolve("seeds");
const seedFiles = fs.readdirSync(SEEDS).sort().map((f) => path.join(SEEDS, f));
const TRIALS = 12;

let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let analyst: Actor;

/** A refusal the analyst is shown (conflict, merged target, stale version) is a correct outcome of a race; anything else is not. */
async function settle<T>(work: Promise<T>): Promise<"done" | "refused"> {
  try {
    await work;
    return "done";
  } catch (error) {
    if (error instanceof ServiceError) return "refused";
    throw error;
  }
}

const live = (ids?: number[]) =>
  db.pledge.findMany({
    where: { mergedIntoId: null, mentionCount: { gt: 0 }, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: [{ mentionCount: "desc" }, { id: "asc" }],
    include: { mentions: { select: { id: true }, orderBy: { id: "asc" } } },
  });

const pledge = (id: number) => db.pledge.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  ctx = await freshDatabase("races");
  db = ctx.db;
  const id = randomUUID();
  analyst = { id, email: `race-${id.slice(0, 8)}@example.org`, name: "Racer", role: "ANALYST" };
  await db.user.create({ data: { ...analyst } });
  expect((await ingestFiles(db, seedFiles)).failed).toEqual([]);
});
afterAll(async () => ctx?.drop());

// Each trial starts two changes of the same pledges at once, against the real database, and
// then checks that the stored data is whole: whichever change wins, the other is either
// applied after it or refused, never half-applied on a state that no longer exists.
describe("concurrent curation", () => {
  it("move × merge: a mention moved to a pledge being merged away ends on the survivor or is refused", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const [a, b, c] = await live();
      const mentionId = a.mentions[0].id;
      const [move, merge] = await Promise.all([
        settle(moveMention(analyst, { mentionId, pledgeId: a.id, toPledgeId: b.id, note: "same commitment" }, db)),
        settle(mergePledges(analyst, { survivorId: c.id, survivorVersion: c.version, otherId: b.id, otherVersion: b.version }, db)),
      ]);
      // Whichever went first moved the versions on, so the other is refused with what changed.
      expect([move, merge]).toContain("done");
      const after = await db.mention.findUniqueOrThrow({ where: { id: mentionId }, include: { pledge: true } });
      expect(after.pledge.mergedIntoId, `trial ${trial}: mention ${mentionId} on a merged-away pledge`).toBeNull();
      expect(await checkInvariants(db)).toEqual([]);
    }
  });

  it("merge × merge: a chain of merges started at once never leaves a pointer to a merged pledge", async () => {
    for (let trial = 0; trial < TRIALS / 2; trial++) {
      const [a, b, c] = await live();
      const outcomes = await Promise.all([
        settle(mergePledges(analyst, { survivorId: a.id, survivorVersion: a.version, otherId: b.id, otherVersion: b.version }, db)),
        settle(mergePledges(analyst, { survivorId: b.id, survivorVersion: b.version, otherId: c.id, otherVersion: c.version }, db)),
        settle(mergePledges(analyst, { survivorId: c.id, survivorVersion: c.version, otherId: b.id, otherVersion: b.version }, db)),
      ]);
      expect(outcomes.filter((o) => o === "done").length).toBeGreaterThanOrEqual(1);
      expect(await checkInvariants(db)).toEqual([]);
    }
  });

  it("status × merge: a status change on a pledge being merged away is applied before the merge or refused", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const [a, b] = await live();
      const [status] = await Promise.all([
        settle(changePledgeStatus(analyst, { pledgeId: b.id, version: b.version, status: "STALLED", note: `race ${trial}` }, db)),
        settle(mergePledges(analyst, { survivorId: a.id, survivorVersion: a.version, otherId: b.id, otherVersion: b.version }, db)),
      ]);
      const merged = await pledge(b.id);
      const merge = await db.pledgeEvent.findFirst({ where: { kind: "MERGED", data: { path: ["mergedId"], equals: b.id } } });
      if (merge) {
        // The merge recorded the status the merged-away pledge really had when it went.
        expect((merge.data as { mergedStatus: string }).mergedStatus).toBe(merged.status);
      }
      if (status === "done") expect(merged.status).toBe("STALLED");
      expect(await checkInvariants(db)).toEqual([]);
    }
  });

  it("reject × merge: a review decision and a merge of its pledge never deadlock or strand the mention", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const [a, b] = await live();
      const mentionId = b.mentions[0].id;
      await Promise.all([
        settle(rejectMention(analyst, { mentionId, pledgeId: b.id, note: "not a pledge" }, db)),
        settle(mergePledges(analyst, { survivorId: a.id, survivorVersion: a.version, otherId: b.id, otherVersion: b.version }, db)),
      ]);
      expect(await checkInvariants(db)).toEqual([]);
    }
  });
});

describe("ingestion × merge", () => {
  it("mentions linked by ingestion while analysts merge their pledges all end on live pledges", async () => {
    // New readouts that repeat the seeds' pledges at other meetings (the same texts, every year moved
    // back by a decade a copy): each links its mentions to stored pledges.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "races-"));
    try {
      for (let copy = 0; copy < 6; copy++) {
        for (const file of seedFiles) {
          const text = fs.readFileSync(file, "utf8").replace(/\b(?:19|20)\d{2}\b/g, (year) => String(Number(year) - 10 * (copy + 1)));
          fs.writeFileSync(path.join(folder, `${copy}-${path.basename(file)}`), `${text}\n\nReprinted by outlet number ${copy}.\n`);
        }
      }
      const before = await db.mention.count();
      let done = false;
      const ingestion = ingestFiles(db, [folder]).finally(() => (done = true));
      let merges = 0;
      while (!done && merges < 40) {
        const [a, b] = await live();
        if (!b) break;
        if ((await settle(mergePledges(analyst, { survivorId: a.id, survivorVersion: a.version, otherId: b.id, otherVersion: b.version }, db))) === "done") merges++;
      }
      const summary = await ingestion;
      expect(summary.failed).toEqual([]);
      expect(summary.created).toBe(6 * seedFiles.length);
      expect(merges, "merges ran while ingestion did").toBeGreaterThan(0);
      expect(await db.mention.count()).toBeGreaterThan(before);
      expect(await checkInvariants(db)).toEqual([]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
