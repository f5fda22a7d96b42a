import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { goldFilesFor } from "@/server/eval/gold";
import { evaluateInto, formatEval, goldsWithTexts, type EvalResult } from "@/server/eval/run-eval";
import { scoreExport, type ExportDoc } from "@/server/eval/score";
import { freshDatabase, type FreshDatabase } from "./support";

const ROOT = process.cwd();
const run = promisify(execFile);

// The quality figures are computed on what ingestion stored, as `npm run eval` computes them: each
// gold set ingested into a database of its own, exported, and scored.
const opened: FreshDatabase[] = [];
async function scored(folder: string, name: string): Promise<{ result: EvalResult; fresh: FreshDatabase }> {
  const fresh = await freshDatabase(name);
  opened.push(fresh);
  const [result] = await evaluateInto(fresh.db, ROOT, goldFilesFor(ROOT, folder));
  return { result, fresh };
}
afterAll(async () => {
  for (const f of opened) await f.drop();
});

describe.each([
  ["seeds", "eval_seeds"],
  ["tests/fixtures/readouts", "eval_fixtures"],
])("gold figures of what ingestion stores: %s", (folder, name) => {
  let result: EvalResult;
  it("ingests and scores the folder", { timeout: 120_000 }, async () => {
    ({ result } = await scored(folder, name));
    console.log(`\n${formatEval([result])}\n`);
    expect(result.overall.readouts).toBeGreaterThan(0);
  });
  it("finds every meeting date", () => {
    expect(result.overall.dates.wrong).toEqual([]);
  });
  it("mention precision and recall stay above 0.85", () => {
    expect(result.overall.mentions.recall).toBeGreaterThanOrEqual(0.85);
    expect(result.overall.mentions.precision).toBeGreaterThanOrEqual(0.85);
  });
  it("link precision and recall across meetings stay above 0.9", () => {
    expect(result.overall.links.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.overall.links.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the seeds as stored", () => {
  it("Luban Workshop is one pledge mentioned in all five seed meetings, first on 2022-02-05", { timeout: 120_000 }, async () => {
    const { fresh } = await scored("seeds", "eval_seeds_luban");
    const pledges = await fresh.db.pledge.findMany({
      where: { mergedIntoId: null, mentions: { some: { phrase: { contains: "Luban Workshop" } } } },
      select: { meetingCount: true, firstMentionDate: true },
    });
    expect(pledges).toHaveLength(1);
    expect(pledges[0].meetingCount).toBe(5);
    expect(pledges[0].firstMentionDate?.toISOString().slice(0, 10)).toBe("2022-02-05");
  });
});

describe("a corpus whose texts are not in place", () => {
  it("names every file to place, where, and its source", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-eval-"));
    fs.mkdirSync(path.join(root, "tests/gold"), { recursive: true });
    const gold = {
      corpus: "elsewhere",
      dir: "corpus/elsewhere",
      readouts: [{ file: "a.txt", url: "https://example.org/readout-a", meetingDate: "2020-01-01", mentions: [] }],
    };
    fs.writeFileSync(path.join(root, "tests/gold/elsewhere.json"), JSON.stringify(gold));
    expect(() => goldsWithTexts(root, "corpus/elsewhere")).toThrow(/1 annotated readout is missing[\s\S]*corpus\/elsewhere\/a\.txt\s+← https:\/\/example\.org\/readout-a/);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("with skipMissing keeps the readouts present and names the ones left out; none present is refused", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-eval-"));
    fs.mkdirSync(path.join(root, "tests/gold"), { recursive: true });
    fs.mkdirSync(path.join(root, "corpus/elsewhere"), { recursive: true });
    const readout = (file: string) => ({ file, meetingDate: "2020-01-01", mentions: [] });
    const gold = { corpus: "elsewhere", dir: "corpus/elsewhere", readouts: [readout("a.txt"), readout("b.txt")] };
    fs.writeFileSync(path.join(root, "tests/gold/elsewhere.json"), JSON.stringify(gold));
    expect(() => goldsWithTexts(root, "corpus/elsewhere", [], { skipMissing: true })).toThrow(/every annotated readout of corpus\/elsewhere is missing/);
    fs.writeFileSync(path.join(root, "corpus/elsewhere/b.txt"), "A readout.");
    expect(() => goldsWithTexts(root, "corpus/elsewhere")).toThrow(/--skip-missing/);
    const { golds, skipped } = goldsWithTexts(root, "corpus/elsewhere", [], { skipMissing: true });
    expect(golds[0].readouts.map((r) => r.file)).toEqual(["b.txt"]);
    expect(skipped).toEqual(["corpus/elsewhere/a.txt"]);
    const overall = scoreExport([], new Map(), { meetings: [], pledges: [] } as unknown as ExportDoc);
    const table = formatEval([{ folder: "corpus/elsewhere", corpus: "elsewhere", half: null, overall, byPartner: [], byOutlet: [], skipped }]);
    expect(table).toMatch(/elsewhere PARTIAL/);
    expect(table).toMatch(/1 annotated readout\(s\) missing and not scored: a\.txt/);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("npm run eval on a folder no gold file annotates says so and exits 1", { timeout: 60_000 }, async () => {
    const error = await run("npx", ["tsx", "scripts/eval.ts", "tests/no-such-folder"], { cwd: ROOT }).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/no gold file in tests\/gold annotates tests\/no-such-folder/);
  });
});
