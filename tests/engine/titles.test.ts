import { describe, expect, it } from "vitest";
import { CLEARER_BY, makeTitle, titleClarity } from "@/server/engine/titles";

describe("how clearly a title names its commitment", () => {
  it("prefers a concrete action over a frame verb, and either over a noun phrase", () => {
    expect(titleClarity("Build a cold storage warehouse in Khujand")).toBeGreaterThan(titleClarity("Strengthen cooperation in storage"));
    expect(titleClarity("Strengthen cooperation in storage")).toBeGreaterThan(titleClarity("Cooperation in storage and logistics"));
  });

  it("prefers a named, dated or counted commitment to a general one", () => {
    expect(titleClarity("Train 500 customs officers by 2027")).toBeGreaterThan(titleClarity("Train customs officers"));
  });

  it("marks down a title that points back instead of naming", () => {
    expect(titleClarity("Complete the railway link")).toBeGreaterThan(titleClarity("Complete it on schedule"));
  });

  it("asks for a clear margin before a title is replaced", () => {
    const vague = "Communication and coordination in regional affairs";
    const clear = "Hold annual consultations on regional security";
    expect(titleClarity(clear) - titleClarity(vague)).toBeGreaterThanOrEqual(CLEARER_BY);
    expect(Math.abs(titleClarity("Expand trade in dried fruit") - titleClarity("Increase trade in dried fruit"))).toBeLessThan(CLEARER_BY);
  });
});

describe("titles made from long wordings", () => {
  it("never end on a word that needs its complement", () => {
    const title = makeTitle("support the partner country in following a development path suited to its national conditions and in taking all measures");
    expect(title).not.toMatch(/\b(?:suited|to|in|and)$/);
    expect(title.split(" ").length).toBeLessThanOrEqual(12);
  });
});
