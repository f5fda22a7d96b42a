import { describe, expect, it } from "vitest";
import { classifyTopic, TOPICS } from "@/lib/topics";

describe("classifyTopic", () => {
  it.each([
    ["build the Luban Workshop in Tajikistan", "education-culture"],
    ["build a traditional medicine center", "health"],
    ["expand the import of high-quality Tajik farm products", "agriculture"],
    ["expand the scale of bilateral trade and investment", "trade-investment"],
    ["crack down on terrorism, separatism and extremism", "security"],
    ["strengthen cooperation within the Shanghai Cooperation Organization", "multilateral"],
    ["support Tajikistan in safeguarding its sovereignty", "political-support"],
    ["expand mineral resource development", "mining"],
    ["increase supplies of natural gas", "energy"],
    ["speed up the construction of the railway", "connectivity-transport"],
    ["foster cooperation on digital economy and e-commerce", "digital-technology"],
    ["render assistance", "development-assistance"],
    ["hold talks", "other"],
  ])("%s → %s", (text, slug) => {
    expect(classifyTopic(text)).toBe(slug);
  });
  it("documents every topic", () => {
    for (const t of TOPICS) expect(t.description.length).toBeGreaterThan(10);
  });
});
