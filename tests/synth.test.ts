import { describe, expect, it } from "vitest";
import { generateCorpus } from "@/server/synth/generate";

describe("synthetic corpus", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = [...generateCorpus(50, 11)];
    const b = [...generateCorpus(50, 11)];
    const c = [...generateCorpus(50, 12)];
    expect(a.map((r) => r.text)).toEqual(b.map((r) => r.text));
    expect(a.map((r) => r.text)).not.toEqual(c.map((r) => r.text));
  });

  it("records ground-truth spans that are exactly the pledge phrases in the text", () => {
    for (const r of generateCorpus(200, 5)) {
      expect(r.truth.mentions.length).toBeGreaterThan(0);
      for (const m of r.truth.mentions) {
        const phrase = r.text.slice(m.start, m.end);
        expect(phrase.length).toBeGreaterThan(8);
        expect(r.text[m.end]).toBe(".");
      }
    }
  });

  it("has a heavy tail: a few pledges recur often, most once or twice", () => {
    const counts = new Map<string, number>();
    for (const r of generateCorpus(3000, 2)) for (const m of r.truth.mentions) counts.set(m.pledge, (counts.get(m.pledge) ?? 0) + 1);
    const values = [...counts.values()].sort((x, y) => y - x);
    expect(values[0]).toBeGreaterThan(30);
    expect(values.filter((v) => v <= 2).length / values.length).toBeGreaterThan(0.5);
    const pairs = new Set([...counts.keys()].map((k) => k.split(":")[0]));
    expect(pairs.size).toBeGreaterThan(10);
  });
});
