import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planCorpus } from "@/server/engine/plan-corpus";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { useFreshDatabase } from "./support";

const FOLDERS = ["seeds", path.join("tests", "fixtures", "readouts")];

// Ingestion and the in-memory planner run the same planner over the same candidates: the grouping
// of mentions into pledges, and each pledge's keys, stored in PostgreSQL equal what the planner
// gives in memory.
describe("what ingestion stores is what the planner plans", () => {
  const ctx = useFreshDatabase("stored_equals_planned");

  it("on the seeds and the fixtures", { timeout: 120_000 }, async () => {
    const files = FOLDERS.flatMap((dir) => fs.readdirSync(dir).sort().map((f) => path.join(dir, f)));
    const summary = await ingestFiles(ctx.db, FOLDERS);
    expect(summary.failed).toEqual([]);
    const planned = planCorpus(files.map((f) => ({ id: path.basename(f), text: fs.readFileSync(f, "utf8") })));

    const pledges = await ctx.db.pledge.findMany({
      where: { mergedIntoId: null },
      select: { linkKeys: true, retrievalKeys: true, mentions: { select: { phraseStart: true, meeting: { select: { sourceName: true } } }, orderBy: { id: "asc" } } },
    });
    const describeGroup = (ids: string[], link: string[], retrieval: string[]) => `${ids.join(" ")} | ${[...link].sort().join(",")} | ${[...retrieval].sort().join(",")}`;
    const stored = pledges
      .map((p) => describeGroup(p.mentions.map((m) => `${path.basename(m.meeting.sourceName)}@${m.phraseStart}`).sort(), p.linkKeys, p.retrievalKeys))
      .sort();
    const inMemory = planned.pledges
      .map((p) => describeGroup(p.mentions.map((m) => `${m.readoutId}@${m.mention.phraseStart}`).sort(), p.linkKeys, p.retrievalKeys))
      .sort();
    expect(stored.length).toBeGreaterThan(50);
    expect(stored).toEqual(inMemory);
  });
});
