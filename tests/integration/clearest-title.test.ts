import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { renamePledge } from "@/server/services/rename-pledge";
import { titleClarity } from "@/server/engine/titles";
import { useFreshDatabase } from "./support";

const SEEDS = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort().map((f) => path.resolve("seeds", f));

describe("a pledge's title follows its clearest wording", () => {
  const first = useFreshDatabase("clearest_title_auto");
  const second = useFreshDatabase("clearest_title_analyst");

  it("takes a later, clearer wording's title, recorded as a rename by ingestion; an analyst's title is never replaced", { timeout: 120_000 }, async () => {
    // Which pledges does a later readout rename?
    const summary = await ingestFiles(first.db, SEEDS);
    expect(summary.failed).toEqual([]);
    const renames = await first.db.pledgeEvent.findMany({ where: { kind: "RENAMED" }, include: { pledge: true } });
    expect(renames.length).toBeGreaterThan(0);
    for (const rename of renames) {
      const data = rename.data as { from: string; to: string; by: string };
      expect(data.by).toBe("ingestion");
      expect(rename.pledge.title).toBe(data.to);
      expect(titleClarity(data.to)).toBeGreaterThan(titleClarity(data.from));
      // The new title is one of the pledge's own wordings.
      expect(await first.db.mention.count({ where: { pledgeId: rename.pledgeId } })).toBeGreaterThan(1);
    }

    // The same readouts, but an analyst titles one of those pledges before the clearer wording arrives.
    const target = renames[renames.length - 1];
    const arriving = (target.data as { meetingId: number }).meetingId;
    const meeting = await first.db.meeting.findUniqueOrThrow({ where: { id: arriving } });
    const before = SEEDS.filter((f) => path.basename(f) !== meeting.sourceName);
    await ingestFiles(second.db, before);
    const firstPhrase = (await first.db.mention.findFirstOrThrow({ where: { pledgeId: target.pledgeId, meetingId: { not: arriving } }, orderBy: { id: "asc" } })).phrase;
    const same = await second.db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: firstPhrase } } } });
    const id = randomUUID();
    await second.db.user.create({ data: { id, email: `analyst-${id.slice(0, 8)}@titles.test`, name: "Analyst", role: "ANALYST" } });
    const analyst = { id, email: `analyst-${id.slice(0, 8)}@titles.test`, name: "Analyst", role: "ANALYST" as const };
    await renamePledge(analyst, { pledgeId: same.id, version: same.version, title: "The analyst's own title" }, second.db);
    await ingestFiles(second.db, SEEDS);
    expect((await second.db.pledge.findUniqueOrThrow({ where: { id: same.id } })).title).toBe("The analyst's own title");
  });
});
