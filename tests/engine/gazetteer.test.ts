import { describe, expect, it } from "vitest";
import { countryOf, COUNTRY_RE, oneWordCountries } from "@/server/engine/gazetteer";
import { parseReadout } from "@/server/engine/parse-readout";
import { extractMentions } from "@/server/engine/extract-mentions";
import { scoreLink } from "@/server/engine/link";

describe("countries beyond the first partners", () => {
  it("knows every country's name, official name and demonym", () => {
    expect(["Cambodia", "Cambodian", "Laos", "Lao", "Laotian", "Sri Lankan", "Kingdom of Cambodia"].map(countryOf)).toEqual(["Cambodia", "Cambodia", "Laos", "Laos", "Laos", "Sri Lanka", "Cambodia"]);
    // China's own regions are its core interests, not third countries.
    expect(["Taiwan", "Hong Kong", "Macau"].map(countryOf)).toEqual([null, null, null]);
  });

  it("reads a name as a country only as it is written, not a lower-case word", () => {
    const found = (t: string) => [...t.matchAll(COUNTRY_RE)].map((m) => m[1]);
    expect(found("They will polish the plan for turkey and chad exports to JORDAN and Chad.")).toEqual(["JORDAN", "Chad"]);
    expect(found("Trade will reach US$5 billion, the US side said.")).toEqual(["US"]);
  });

  it("files a Cambodian readout under its pair, with the partner's name no evidence of which pledge", () => {
    const t = "Talks\nUpdated: May 4, 2024 10:00\n\nOn May 3, 2024, Chinese Premier Li Qiang held talks with Cambodian Prime Minister Hun Manet in Phnom Penh.\n\nLi said China will help Cambodia build a new airport in Siem Reap.";
    const ms = extractMentions(t, parseReadout(t));
    expect(ms.map((m) => [m.countryPair, m.giver])).toEqual([["Cambodia|China", "China"]]);
    expect(ms[0].linkKeys).not.toContain("cambodia");
  });

  it("reads a country written in two words as the country, never as a named thing two pledges share", () => {
    const t = "Talks\nUpdated: May 4, 2024 10:00\n\nOn May 3, 2024, Chinese Premier Li Qiang held talks with Vietnamese Prime Minister Pham Minh Chinh in Hanoi.\n\nLi said China supports Viet Nam in following its own development path. Pham said Viet Nam welcomes Chinese companies to invest in the Viet Nam seaports.";
    const [path, invest] = extractMentions(t, parseReadout(t));
    expect(path.linkKeys.join(" ")).not.toMatch(/viet|nam/);
    expect(oneWordCountries("the China-Viet Nam relations")).toBe("the China-Vietnam relations");
    const s = scoreLink(invest, { id: 1, title: path.title, topic: path.topic, giver: path.giver, countryPair: path.countryPair, linkKeys: path.linkKeys, phrases: [path.phrase] });
    expect(s.score).toBe(0);
  });
});
