import { describe, expect, it } from "vitest";
import { parseReadout } from "@/server/engine/parse-readout";
import { extractMentions, type ExtractedMention } from "@/server/engine/extract-mentions";
import { anaphorOf } from "@/server/engine/coreference";
import { chooseLink, LINK_THRESHOLD, scoreLink, type PledgeCandidate } from "@/server/engine/link";

const HEAD = "Talks\nUpdated: June 12, 2024 10:00\n\nOn June 11, 2024, Chinese Premier Li Qiang held talks with Tajik Prime Minister Kokhir Rasulzoda in Dushanbe.\n\n";
const run = (body: string): ExtractedMention[] => {
  const t = HEAD + body;
  return extractMentions(t, parseReadout(t));
};
const find = (ms: ExtractedMention[], words: string) => {
  const m = ms.find((x) => x.phrase.includes(words));
  expect(m, `no mention with "${words}" in ${JSON.stringify(ms.map((x) => x.phrase))}`).toBeDefined();
  return m!;
};
const asPledge = (ms: ExtractedMention[], id = 1): PledgeCandidate => ({
  id, title: ms[0].title, topic: ms[0].topic, giver: ms[0].giver, countryPair: ms[0].countryPair,
  linkKeys: [...new Set(ms.flatMap((m) => m.linkKeys))], phrases: ms.map((m) => m.phrase),
});

describe("what points back", () => {
  it("recognises stand-ins, parts of routes, bare facilities and traffic", () => {
    expect(anaphorOf("present its offer next month")?.text).toBe("its offer");
    expect(anaphorOf("fund the Tajik section")?.text).toBe("the Tajik section");
    expect(anaphorOf("put the plant into operation by 2026")?.text).toBe("the plant");
    expect(anaphorOf("increase freight traffic")?.text).toBe("freight traffic");
  });
  it("leaves phrases that say what they are about", () => {
    expect(anaphorOf("build the Vakhsh cement plant")).toBeNull();
    expect(anaphorOf("implement the plan for agricultural modernization")).toBeNull();
    expect(anaphorOf("build a cement plant in Khatlon")).toBeNull();
    expect(anaphorOf("increase freight traffic on the Dushanbe-Kulob railway")).toBeNull();
    expect(anaphorOf("strengthen their alliance")).toBeNull();
  });
});

describe("coreference within a readout", () => {
  it("reads 'its offer' as the plant named before it, and links through it", () => {
    const first = run("Li said China will build a cement plant in Khatlon province.");
    const later = run("Li said China is ready to build a cement plant in Khatlon province and that Sinoma will present its offer next month.");
    const offer = find(later, "its offer");
    expect(offer.antecedent).toEqual({ anaphor: "its offer", phrase: "build a cement plant in Khatlon province" });
    expect(offer.linkKeys).toEqual(expect.arrayContaining(["cement", "plant"]));
    const d = chooseLink(offer, [asPledge(first)]);
    expect(d?.pledgeId).toBe(1);
    expect(d?.reason).toMatch(/^"its offer" refers to "build a cement plant in Khatlon province"/);
  });
  it("reads 'the Tajik section' as part of the railway, and links it by the railway's name", () => {
    const first = run("The two sides will speed up the construction of the Vahdat-Yovon railway.");
    const later = run("The two sides agreed to modernize the Vahdat-Yovon railway, and China will fund the Tajik section.");
    const section = find(later, "Tajik section");
    expect(section.antecedent?.phrase).toMatch(/Vahdat-Yovon railway/);
    const d = chooseLink(section, [asPledge(first)]);
    expect(d?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(d?.reason).toMatch(/"the Tajik section" refers to/);
  });
  it("reads 'the plant' in the next sentence as the plant just named, not as any plant", () => {
    const ms = run("China will help Tajikistan build a cement plant in Khatlon. The two sides agreed to put the plant into operation by 2026.");
    expect(find(ms, "the plant").antecedent?.phrase).toBe("help Tajikistan build a cement plant in Khatlon");
    // Nothing before it: the phrase stays as it is.
    const alone = run("The two sides agreed to put the plant into operation by 2026.");
    expect(find(alone, "the plant").antecedent).toBeUndefined();
  });
  it("looks back at most two sentences", () => {
    const ms = run(
      "China will help Tajikistan build a cement plant in Khatlon. Rasulzoda praised the friendship. He noted the growth of trade. He recalled the visit of 2019. The two sides agreed to put the plant into operation by 2026.",
    );
    expect(find(ms, "the plant").antecedent).toBeUndefined();
  });
  it("reads traffic as the route named in the same sentence only", () => {
    const ms = run("The two sides agreed to upgrade the Vahdat-Yovon railway and to increase freight traffic.");
    expect(find(ms, "freight traffic").antecedent?.phrase).toMatch(/Vahdat-Yovon railway/);
    expect(find(ms, "freight traffic").linkKeys).toContain("railway");
    const next = run("The two sides agreed to upgrade the Vahdat-Yovon railway. China will increase freight traffic.");
    expect(find(next, "freight traffic").antecedent).toBeUndefined();
  });
  it("a pledge first seen through a stand-in is found again by the thing's own words", () => {
    const first = run("Li said China is ready to build a cement plant in Khatlon province and that Sinoma will present its offer next month.");
    const offerOnly: PledgeCandidate = { ...asPledge([find(first, "its offer")]) };
    const later = find(run("China will build a cement plant in Khatlon province."), "cement plant");
    expect(scoreLink(later, offerOnly).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
});

describe("antecedents outside pledges", () => {
  it("a named facility in a sentence that pledges nothing can be pointed back at", () => {
    const ms = run("The leaders inspected the Vahdat-Yovon railway. China will fund the Tajik section.");
    expect(find(ms, "Tajik section").antecedent?.phrase).toBe("Vahdat-Yovon railway");
    const plant = run("Rasulzoda briefed Li on the Rogun hydropower plant. China is ready to finance the project.");
    expect(find(plant, "the project").antecedent?.phrase).toBe("Rogun hydropower plant");
  });
});

describe("an action noun that points back", () => {
  it("reads 'its construction' as the corridor named before it, and links through it", () => {
    const first = run("Li said the two sides will build the Khatlon-Xinjiang transport corridor.");
    const later = run("The Khatlon-Xinjiang transport corridor is a key project, and Tajikistan is ready to facilitate its construction.");
    const build = find(later, "its construction");
    expect(build.antecedent?.phrase).toMatch(/Khatlon-Xinjiang transport corridor/);
    expect(chooseLink(build, [asPledge(first)])?.pledgeId).toBe(1);
  });
});

describe("a named initiative as antecedent", () => {
  it("reads 'this initiative' as the initiative named earlier in the sentence, not an earlier strategy", () => {
    const ms = run("The two sides should deepen the alignment of development strategies. Noting that the Global Energy Security Initiative proposed by China serves all countries, Li said China is willing to work with Tajikistan to implement this initiative.");
    expect(find(ms, "this initiative").antecedent?.phrase).toBe("Global Energy Security Initiative");
  });
});
