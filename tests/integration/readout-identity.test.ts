import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { useFreshDatabase } from "./support";

const SEED = path.resolve("seeds", fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort()[0]);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "pledge-identity-"));

describe("a readout's identity and its dates", () => {
  const ctx = useFreshDatabase("readout_identity");

  it("recognises the same readout saved with CRLF line endings, trailing spaces and another Unicode form", { timeout: 60_000 }, async () => {
    const dir = tmp();
    const text = fs.readFileSync(SEED, "utf8");
    fs.writeFileSync(path.join(dir, "a.txt"), text);
    fs.writeFileSync(path.join(dir, "b.txt"), text.normalize("NFD").replace(/\n/g, "  \r\n"));
    const summary = await ingestFiles(ctx.db, [dir]);
    expect(summary.failed).toEqual([]);
    expect(summary.created).toBe(1);
    expect(summary.unchanged).toBe(1);
    expect(await ctx.db.meeting.count()).toBe(1);
  });

  it("counts a sentence repeated 2,000 times in one readout once", { timeout: 60_000 }, async () => {
    const dir = tmp();
    const sentence = "The two sides agreed to build a cold storage centre for Kyrgyz cherries in Osh.";
    const text = `Talks\nPublished: 2021-03-04\n\nOn March 3, 2021, Chinese Foreign Minister Wang Yi held talks with Kyrgyz Foreign Minister Ruslan Kazakbaev in Beijing.\n\n${Array(2000).fill(sentence).join(" ")}\n`;
    fs.writeFileSync(path.join(dir, "repeated.txt"), text);
    const summary = await ingestFiles(ctx.db, [dir]);
    expect(summary.failed).toEqual([]);
    const pledge = await ctx.db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: { contains: "cold storage" } } } } });
    expect(pledge.mentionCount).toBe(1);
  });

  it("refuses a meeting date after the publication date or in the future, naming the file", { timeout: 60_000 }, async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "late.txt"), "Talks\nPublished: 2021-03-04\n\nOn March 9, 2021, the Chinese and Kyrgyz foreign ministers held talks in Beijing and agreed to open a new border crossing.\n");
    fs.writeFileSync(path.join(dir, "future.txt"), "Talks\n\nOn March 3, 2031, the Chinese and Kyrgyz foreign ministers held talks in Beijing and agreed to open a new border crossing.\n");
    const summary = await ingestFiles(ctx.db, [dir]);
    const reasons = Object.fromEntries(summary.failed.map((f) => [path.basename(f.file), f.reason]));
    expect(reasons["late.txt"]).toMatch(/meeting date 2021-03-09 is after the readout's publication date 2021-03-04/);
    expect(reasons["future.txt"]).toMatch(/meeting date 2031-03-03 is in the future/);
    expect(await ctx.db.meeting.count({ where: { sourcePath: { contains: dir } } })).toBe(0);
  });

  it("validates --date like every other input", () => {
    for (const [date, message] of [
      ["9999-12-31", /--date meeting date 9999-12-31 is in the future/],
      ["2024-02-30", /--date needs a real calendar date as YYYY-MM-DD, not "2024-02-30"/],
    ] as const) {
      const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/ingest.ts", "--date", date, SEED], { encoding: "utf8", env: { ...process.env, DATABASE_URL: ctx.url }, timeout: 60_000 });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
