import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { rekeyPledges } from "@/server/ingest/rekey";
import { generateCorpus } from "@/server/synth/generate";
import { freshDatabase, type FreshDatabase } from "./support";

type Keys = Map<number, { link: string[]; retrieval: string[] }>;

async function keysOf(ctx: FreshDatabase): Promise<Keys> {
  const rows = await ctx.db.pledge.findMany({ select: { id: true, linkKeys: true, retrievalKeys: true } });
  return new Map(rows.map((p) => [p.id, { link: [...p.linkKeys].sort(), retrieval: [...p.retrievalKeys].sort() }]));
}

const links = async (ctx: FreshDatabase) =>
  (await ctx.db.mention.findMany({ select: { id: true, pledgeId: true, confidence: true }, orderBy: { id: "asc" } })).map((m) => `${m.id}>${m.pledgeId}@${m.confidence}`);

// Keys left by an older engine (stale terms, missing terms) are replaced by what ingestion with
// the current engine would have stored, and no link moves.
describe("npm run rekey: pledge keys recomputed from their mentions", () => {
  let ctx: FreshDatabase;
  let dir: string;

  beforeAll(async () => {
    ctx = await freshDatabase("rekey");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rekey-"));
    for (const r of generateCorpus(120, 5)) fs.writeFileSync(path.join(dir, r.file), r.text);
    for (const folder of ["seeds", "tests/fixtures/readouts"]) {
      for (const f of fs.readdirSync(folder)) fs.copyFileSync(path.join(folder, f), path.join(dir, `${path.basename(folder)}-${f}`));
    }
    const summary = await ingestFiles(ctx.db, [dir]);
    expect(summary.failed).toEqual([]);
  });
  afterAll(async () => {
    await ctx?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restores the keys ingestion stored, after they were made stale, and moves no link", async () => {
    const fresh = await keysOf(ctx);
    const before = await links(ctx);
    expect(fresh.size).toBeGreaterThan(50);

    // An older engine's keys: every pledge filed under a shared stale key, half its link keys lost.
    await ctx.db.$executeRawUnsafe(`
      update "Pledge" set "retrievalKeys" = array_append("retrievalKeys", 'stale:center'),
                          "linkKeys" = "linkKeys"[1:cardinality("linkKeys") / 2]`);
    const summary = await rekeyPledges(ctx.db, { batch: 7 });
    expect(summary.meetings).toBe(await ctx.db.meeting.count());
    expect(summary.unmatched).toBe(0);
    expect(summary.changed).toBe(fresh.size);
    expect(await keysOf(ctx)).toEqual(fresh);
    expect(await links(ctx)).toEqual(before);

    // Nothing left to rewrite the second time.
    expect((await rekeyPledges(ctx.db)).changed).toBe(0);
  });

  it("leaves alone a pledge whose mention the extractor no longer finds", async () => {
    const mention = await ctx.db.mention.findFirstOrThrow({ orderBy: { id: "asc" } });
    const pledge = await ctx.db.pledge.findUniqueOrThrow({ where: { id: mention.pledgeId } });
    // As if the extractor's phrase boundaries had changed since this mention was stored.
    await ctx.db.mention.update({ where: { id: mention.id }, data: { phraseStart: mention.phraseStart + 1 } });
    await ctx.db.pledge.update({ where: { id: pledge.id }, data: { retrievalKeys: [...pledge.retrievalKeys, "stale:kept"] } });
    const summary = await rekeyPledges(ctx.db);
    expect(summary.unmatched).toBe(1);
    expect((await ctx.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).retrievalKeys).toContain("stale:kept");
    await ctx.db.mention.update({ where: { id: mention.id }, data: { phraseStart: mention.phraseStart } });
  });
});
