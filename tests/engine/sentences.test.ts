import { describe, expect, it } from "vitest";
import { splitSentences } from "@/server/engine/sentences";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("keeps abbreviations inside a sentence", () => {
    expect(texts("Xi met Rahmon in Beijing on Feb. 5, 2022. They talked.")).toEqual(["Xi met Rahmon in Beijing on Feb. 5, 2022.", "They talked."]);
    expect(texts("The U.S. Secretary spoke. Mr. Smith agreed. No. 5 was next.")).toEqual(["The U.S. Secretary spoke.", "Mr. Smith agreed.", "No. 5 was next."]);
  });
  it("keeps initials and quoted sentences together", () => {
    expect(texts("J. K. Lee arrived. He left.")).toEqual(["J. K. Lee arrived.", "He left."]);
    expect(texts('He said "We will build it. It is ready." Then he left.')).toEqual(['He said "We will build it. It is ready."', "Then he left."]);
  });
  it("gives exact offsets and never crosses a paragraph", () => {
    const t = "First line ends here\n\nSecond. Third!";
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
    expect(texts(t)).toEqual(["First line ends here", "Second.", "Third!"]);
  });
});
