import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureLinkAccuracy } from "@/server/bench/link-accuracy";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { generateCorpus, type SynthTruth } from "@/server/synth/generate";
import { freshDatabase } from "./support";

// Correctness at scale, in small: a speed-up that breaks linking fails here.
describe("linking a synthetic corpus against its ground truth", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  const truths: SynthTruth[] = [];

  beforeAll(async () => {
    ctx = await freshDatabase("synthetic_small");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
    for (const r of generateCorpus(300, 21)) {
      fs.writeFileSync(path.join(dir, r.file), r.text);
      truths.push(r.truth);
    }
  });
  afterAll(async () => {
    await ctx?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finds the pledge mentions and links them with precision and recall of at least 0.9", async () => {
    const summary = await ingestFiles(ctx.db, [dir]);
    expect(summary.failed).toEqual([]);
    const meetings = await ctx.db.meeting.findMany({ select: { sourceName: true, meetingDate: true } });
    const dates = new Map(truths.map((t) => [t.file, t.meetingDate]));
    for (const m of meetings) expect(m.meetingDate.toISOString().slice(0, 10)).toBe(dates.get(path.basename(m.sourceName)));

    const accuracy = await measureLinkAccuracy(ctx.db, truths);
    console.log(`synthetic 300: ${JSON.stringify(accuracy)}`);
    expect(accuracy.mentionRecall).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.linkPrecision).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.linkRecall).toBeGreaterThanOrEqual(0.9);
  });
});
