import { describe, expect, it } from "vitest";
import { evaluate, formatFigures, loadGold } from "@/server/bench/gold";

const seeds = evaluate(loadGold("seeds"));
const general = evaluate(loadGold("generalisation"));
console.log(`\n${formatFigures(seeds)}\n${formatFigures(general)}\n`);

// Link recall meets the 0.9 target on both sets. On the generalisation set coreference ("Rosatom
// will submit its proposal", "financing for the Uzbek section", cargo traffic beside a named
// corridor) and investment flows ("attract Chinese investment" / "welcomes Chinese companies")
// carry it from 0.77 to 0.96; the one missed pair is in docs/ENGINE.md.
const LINK_RECALL_FLOOR: Record<string, number> = { seeds: 0.9, generalisation: 0.9 };

describe.each([["seeds", seeds], ["generalisation", general]])("gold: %s", (name, f) => {
  it("finds every meeting date", () => {
    expect(f.dates.wrong).toEqual([]);
  });
  it("mention precision and recall stay above the floor", () => {
    expect(f.mentions.recall).toBeGreaterThanOrEqual(0.85);
    expect(f.mentions.precision).toBeGreaterThanOrEqual(0.85);
  });
  it("link precision meets the target", () => {
    expect(f.links.precision).toBeGreaterThanOrEqual(0.9);
  });
  it("link recall meets its floor", () => {
    expect(f.links.recall).toBeGreaterThanOrEqual(LINK_RECALL_FLOOR[name]);
  });
});

describe("acceptance", () => {
  it("Luban Workshop is one pledge mentioned in all five seed meetings, first on 2022-02-05", () => {
    const luban = seeds.result.pledges.filter((p) => p.mentions.some((m) => /Luban Workshop/.test(m.mention.phrase)));
    expect(luban).toHaveLength(1);
    const readoutIds = new Set(luban[0].mentions.map((m) => m.readoutId));
    expect(readoutIds.size).toBe(5);
    const dates = luban[0].mentions.map((m) => seeds.result.readouts.find((r) => r.id === m.readoutId)!.parsed.meetingDate!).sort();
    expect(dates[0]).toBe("2022-02-05");
  });
  it("the Uzbek import pledge is not the Tajik one", () => {
    const all = [...seeds.result.pledges, ...general.result.pledges];
    for (const p of all) expect(new Set(p.mentions.map((m) => m.mention.countryPair)).size).toBe(1);
  });
});
