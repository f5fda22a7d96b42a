import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planCorpus, type CorpusResult } from "@/server/engine/plan-corpus";
import { generateCorpus } from "@/server/synth/generate";

// Candidate retrieval must never hide a pledge that the scorer would link: linking through the
// retrieval-key index gives exactly the pledges that scoring every mention against every earlier
// pledge gives.
const grouping = (result: CorpusResult) =>
  result.pledges.map((p) => p.mentions.map((m) => `${m.readoutId}@${m.mention.phraseStart}`).join(" ")).sort();

const readFolder = (dir: string) =>
  fs.readdirSync(dir).sort().map((file) => ({ id: file, text: fs.readFileSync(path.join(dir, file), "utf8") }));

describe("retrieval keys", () => {
  it.each([
    ["the seed readouts", () => readFolder("seeds")],
    ["the fixture readouts", () => readFolder(path.join("tests", "fixtures", "readouts"))],
    ["a synthetic corpus of 400 meetings", () => [...generateCorpus(400, 5)].map((r) => ({ id: r.file, text: r.text }))],
  ])("find every pledge that scoring against all pledges would link, on %s", { timeout: 60_000 }, (_, load) => {
    const readouts = load();
    const indexed = planCorpus(readouts);
    const exhaustive = planCorpus(readouts, { everyPledge: true });
    expect(indexed.pledges.length).toBeGreaterThan(0);
    expect(grouping(indexed)).toEqual(grouping(exhaustive));
  });
});
