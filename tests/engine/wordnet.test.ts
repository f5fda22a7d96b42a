import { describe, expect, it } from "vitest";
import { lemma, linkKeysOf } from "@/server/engine/normalise";
import { nounSense } from "@/server/engine/wordnet";

describe("WordNet folding", () => {
  it("reads a noun's most common sense and what it is a kind of", () => {
    const s = nounSense("narcotic");
    expect(s?.hypernyms).toContain("drug");
    expect(nounSense("no-such-word-here")).toBeNull();
  });
  it("folds a spelling variant and an unambiguous kind to the thing the lexicon names", () => {
    expect(lemma("programmes")).toBe("program");
    expect(lemma("narcotics")).toBe("drug");
    expect(linkKeysOf("curb opiates and narcotics")).toEqual(linkKeysOf("curb opiates and drugs"));
  });
  it("leaves words whose first sense or hypernym is off the domain", () => {
    // "delegation" is a kind of "organization" only in one of that word's many senses.
    expect(lemma("delegation")).toBe("delegation");
    expect(lemma("freight")).toBe("freight");
  });
});
