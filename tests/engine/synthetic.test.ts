import { describe, expect, it } from "vitest";
import { scoreSynthetic } from "./synthetic-score";

// The synthetic truth is exact, so this catches merges the small gold sets cannot show:
// "Gormir North-South Highway" vs "Karatau North-South Highway", honey vs lemons.
const f = scoreSynthetic(300, 21);
console.log(`\nsynthetic       | links P ${f.precision.toFixed(2)} R ${f.recall.toFixed(2)} (${f.predictedPairs} pred pairs, ${f.truePairs} true pairs)\n`);

describe("synthetic corpus (300 meetings, seed 21)", () => {
  it("finds every synthetic mention", () => {
    expect(f.matched).toBe(f.truthMentions);
  });
  it("link precision and recall meet the target", () => {
    expect(f.precision).toBeGreaterThanOrEqual(0.9);
    expect(f.recall).toBeGreaterThanOrEqual(0.9);
  });
});
