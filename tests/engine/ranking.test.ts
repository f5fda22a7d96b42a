import { describe, expect, it } from "vitest";
import { MAX_CANDIDATES, rankCandidates, type StoredPledge } from "@/server/engine/plan-links";

const pledge = (id: number, retrievalKeys: string[], mentionCount = 1): StoredPledge => ({
  id, title: `p${id}`, topic: "other", giver: "joint", countryPair: "A|B", linkKeys: [], retrievalKeys, phrases: [], mentionCount,
});

describe("candidate ranking", () => {
  it("puts the one pledge sharing a rare key before many sharing only common keys", () => {
    const common = Array.from({ length: MAX_CANDIDATES + 5 }, (_, i) => pledge(i + 1, ["A|B:~trade", "A|B:~economy"], 5));
    const rare = pledge(100, ["A|B:photovolta"], 1);
    const ranked = rankCandidates([...common, rare], ["A|B:photovolta", "A|B:~trade", "A|B:~economy"]);
    expect(ranked).toHaveLength(MAX_CANDIDATES);
    expect(ranked[0].id).toBe(100);
  });
  it("counts a shared key once, orders ties by mentions then age, and leaves out pledges sharing nothing", () => {
    const ranked = rankCandidates([pledge(3, ["A|B:x", "A|B:x"], 1), pledge(2, ["A|B:x"], 1), pledge(1, ["A|B:x"], 2), pledge(4, ["A|B:y"])], ["A|B:x"]);
    expect(ranked.map((p) => p.id)).toEqual([1, 2, 3]);
  });
});
