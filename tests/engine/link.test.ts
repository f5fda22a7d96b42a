import { describe, expect, it } from "vitest";
import { parseReadout } from "@/server/engine/parse-readout";
import { extractMentions, type ExtractedMention } from "@/server/engine/extract-mentions";
import { chooseLink, LINK_THRESHOLD, LOW_CONFIDENCE, NEAR_MISS, scoreLink, weighLinks, type PledgeCandidate } from "@/server/engine/link";
import { planLinks } from "@/server/engine/plan-links";
import { mentionKeys } from "@/server/engine/keys";
import { investorOf } from "@/server/engine/normalise";

const HEAD = (pair: string) => `Talks\nUpdated: March 4, 2024 10:00\n\nOn March 3, 2024, Chinese President Xi Jinping held talks with ${pair} in Dushanbe.\n\n`;
const TJ = "Tajik President Emomali Rahmon";
const UZ = "Uzbek President Shavkat Mirziyoyev";
const one = (body: string, pair = TJ): ExtractedMention => {
  const t = HEAD(pair) + body;
  const ms = extractMentions(t, parseReadout(t));
  expect(ms.length).toBeGreaterThan(0);
  return ms[0];
};
const asPledge = (m: ExtractedMention, id = 1): PledgeCandidate => ({ id, title: m.title, topic: m.topic, giver: m.giver, countryPair: m.countryPair, linkKeys: m.linkKeys, phrases: [m.phrase] });

describe("linking", () => {
  it("links paraphrases of the same commitment", () => {
    const a = one("China is willing to increase its imports of quality agricultural products from Tajikistan.");
    const b = one("Xi said China will expand the import of high-quality Tajik farm products.");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.reason).toMatch(/agricultural/);
  });
  it("links the Luban Workshop however it is phrased", () => {
    const build = one("Xi said China will accelerate the building of a Luban Workshop in Tajikistan.");
    const operate = one("China will continue the smooth operation of the first Luban Workshop.");
    const platforms = one("The two countries should make good use of platforms such as the Luban Workshop and the Center for Traditional Medicine.");
    for (const m of [operate, platforms]) {
      const d = chooseLink(m, [asPledge(build)]);
      expect(d?.pledgeId).toBe(1);
      expect(d?.reason).toMatch(/luban workshop/i);
    }
  });
  it("links 'traditional medicine center' to 'Center for Traditional Chinese Medicine'", () => {
    const a = one("China will build a traditional medicine center in Tajikistan.");
    const b = one("The two sides should run well the Sino-Tajik Center for Traditional Chinese Medicine.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("keeps a group of initiatives apart from the one it names, but not a named example of the same thing", () => {
    const group = one("China is willing to work with Tajikistan to carry out the three global initiatives.");
    const member = one("China will work with Tajikistan to carry out the Global Security Initiative.");
    const s = scoreLink(member, asPledge(group));
    expect(s.score).toBeLessThan(LINK_THRESHOLD);
    expect(s.reason).toMatch(/a group/);
    const branches = one("The two sides will support the opening of branches of leading Chinese universities in Tajikistan.");
    const example = one("China will support the opening of branches of Chinese universities in Tajikistan, including the Harbin Institute of Technology.");
    expect(scoreLink(example, asPledge(branches)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("keeps carrying out the agreements apart from one qualified agreement, but not cultural centres from one centre", () => {
    const all = one("The two sides will fully implement the relevant agreements.");
    const fta = one("The two sides will make good use of the bilateral free trade agreement.");
    const s = scoreLink(fta, asPledge(all));
    expect(s.score).toBeLessThan(LINK_THRESHOLD);
    expect(s.reason).toMatch(/a group/);
    const centres = one("The two sides will open cultural centres in each other's countries.");
    const centre = one("China will open a cultural centre in Dushanbe.");
    expect(scoreLink(centre, asPledge(centres)).reason).not.toMatch(/a group/);
  });
  it("keeps cultural exchanges apart from cultural centres", () => {
    const a = one("The two sides should speed up the establishment of cultural centers in each other's countries.");
    const b = one("The two sides should expand cultural exchanges between the two countries.");
    expect(scoreLink(b, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("keeps different institutions apart", () => {
    const a = one("China will build a Luban Workshop in Tajikistan.");
    const b = one("China will open a Confucius Institute in Khujand.");
    expect(chooseLink(b, [asPledge(a)])).toBeNull();
  });
  it("never links across country pairs", () => {
    const a = one("China is ready to import more quality products from Tajikistan.");
    const b = one("China is ready to import more quality products from Uzbekistan.", UZ);
    expect(b.countryPair).toBe("China|Uzbekistan");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBe(0);
    expect(s.reason).toMatch(/country pair/);
  });
  it("keeps distinct named projects of the same kind apart", () => {
    const a = one("The two sides will speed up the construction of the Gormir North-South Highway.");
    const b = one("The two sides agreed to complete the Karatau North-South Highway on schedule.");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBe(0);
    expect(s.reason).toMatch(/different/);
  });
  it("links a shared named programme whichever side states it", () => {
    const a = one("Xi said China will promote the high-quality building of the Belt and Road.");
    const b = one("Rahmon said Tajikistan is willing to actively participate in building the Belt and Road.");
    expect(b.giver).not.toBe(a.giver);
    const d = chooseLink(b, [asPledge(a)]);
    expect(d?.reason).toMatch(/shares named 'Belt and Road'/);
  });
  it("takes cooperation, exchanges and alignment for both sides' action, whichever side states it", () => {
    const a = one("Xi said China is ready to expand energy cooperation with Tajikistan.");
    const b = one("Rahmon said Tajikistan will deepen cooperation with China in energy.");
    expect([a.giver, b.giver]).toEqual(["joint", "joint"]);
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("keeps the same action on another product apart", () => {
    const a = one("China will import more high-quality Tajik honey.");
    const b = one("China is ready to expand imports of lemons from Tajikistan.");
    expect(scoreLink(b, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("does not link on one broad word", () => {
    const a = one("The two sides should strengthen security cooperation.");
    const border = one("The two sides will safeguard the border security of the two countries.");
    const regional = one("The two sides will jointly safeguard the security and stability of the region.");
    const again = one("The two sides will further strengthen security cooperation.");
    expect(scoreLink(border, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
    expect(scoreLink(regional, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
    expect(scoreLink(again, asPledge(a)).score).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
  it("folds derivations: anti-terrorism, terrorist, terrorism", () => {
    const a = one("The two sides will prevent the infiltration and spread of terrorist forces.");
    const b = one("China will enhance anti-terrorism cooperation with Tajikistan.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("treats a reciprocal commitment as another pledge than a one-way one", () => {
    const a = one("China firmly supports Tajikistan in safeguarding its sovereignty and territorial integrity.");
    const b = one("The two sides will steadfastly support each other in safeguarding sovereignty and territorial integrity.");
    expect(scoreLink(b, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("lists of fields are filed under the area they lead with", () => {
  it("links two lists that lead with one area, and keeps lists led by different areas apart however many fields they share", () => {
    const economy = one("Xi said the two sides should deepen cooperation in economy, trade, mining, science and technology.");
    const economyAgain = one("Xi said the two sides will expand cooperation in trade and investment, transport and digital economy.");
    const transport = one("Xi said the two sides should deepen cooperation in transport, mining, science and technology and other fields.");
    expect(scoreLink(economyAgain, asPledge(economy)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    const apart = scoreLink(transport, asPledge(economy));
    expect(apart.score).toBeLessThan(LINK_THRESHOLD);
    expect(apart.reason).toMatch(/leads with another area/);
  });

  it("reads a field adjective that qualifies another thing as part of that thing, not as the lead area", () => {
    const energy = one("Xi said the two sides will explore commercial nuclear power, solar energy and wind energy.");
    const trade = one("Xi said the two sides will expand cooperation in economy, trade, farming and energy.");
    expect(scoreLink(trade, asPledge(energy)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("generic manner words and institutions", () => {
  it("links the host's safety pledge however the measures are qualified and whatever else is protected", () => {
    const a = one("Rahmon said Tajikistan will take necessary measures to protect the safety of staff at Chinese companies.");
    const b = one("Rahmon said Tajikistan will take effective steps to protect the safety of Chinese personnel, projects and institutions in Tajikistan.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
});

describe("qualifiers that do not make another pledge", () => {
  it("links cooperation in modernized farming to cooperation in farming", () => {
    const a = one("Xi said the two sides will carry out cooperation in modernized agriculture.");
    const b = one("Xi said cooperation in agriculture should be expanded.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it("keeps a list led by transport capacity apart from production capacity", () => {
    const a = one("Xi said the two sides will raise the transport capacity, speed and reliability of cross-border freight trains.");
    const b = one("Xi said the two sides will consolidate production capacity and investment cooperation.");
    expect(scoreLink(b, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("names that contain a field word", () => {
  it("does not read a programme named '… Path' as the partner's development path", () => {
    const a = one("Xi said the two sides will cooperate on a road programme called \"Golden Path\".");
    const b = one("Xi said China firmly supports Tajikistan in following a development path suited to its national conditions.");
    expect(scoreLink(b, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("the Belt and Road and aligning with it", () => {
  it("reads 'Belt and Road Initiative' as one name, the same as 'the Belt and Road'", () => {
    const a = one("Xi said the two sides agreed on closer cooperation under the Belt and Road Initiative.");
    const b = one("Xi said the two sides will promote high-quality Belt and Road cooperation.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it("keeps aligning a national strategy with the Belt and Road apart from building the Belt and Road", () => {
    const a = one("Xi said the two sides will jointly build the Belt and Road.");
    const b = one("Rahmon said Tajikistan will align its national development strategy with the Belt and Road Initiative.");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBeLessThan(LINK_THRESHOLD);
    expect(s.reason).toMatch(/only one aligns/);
  });
});

describe("visa facilitation told as talks, waivers or an agreement", () => {
  it("links negotiating visa waivers to the visa exemption agreement", () => {
    const a = one("Xi said the two sides will advance the negotiations on visa waivers for business travellers.");
    const b = one("Xi said the two sides will sign a visa exemption agreement for business travellers.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
});

describe("plans for a named thing, and its upgrade", () => {
  it("links a plan for a named corridor to the corridor told by its acronym", () => {
    const a = one('Xi said China hoped to move ahead with plans for a "China-Tajikistan trade corridor."');
    const b = one("Xi said China will push forward the China-Tajikistan Trade Corridor (CTTC).");
    const c = one("Xi said the two sides will speed up the implementation of CTTC.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    expect(chooseLink(c, [asPledge(b, 1), asPledge(a, 2)])?.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it("keeps the upgrade of a named thing apart from the thing", () => {
    const a = one("Xi said the two sides will build the Dushanbe Industrial Park.");
    const upgrade = one("China stands ready to build upgraded versions of the Dushanbe Industrial Park and the Khatlon Free Trade Zone.");
    const s = scoreLink(upgrade, asPledge(a));
    expect(s.score).toBeLessThan(LINK_THRESHOLD);
    expect(s.reason).toMatch(/only one upgrades/);
  });
});

describe("aligning the two sides' strategies", () => {
  it("links aligning a named corridor with the synergy of development strategies, but not with trade", () => {
    const a = one("Xi said the two sides will focus on aligning the Pamir Land Bridge.");
    const b = one("Xi said the two sides should seek greater synergy between development strategies.");
    const trade = one("Xi said the two sides should expand bilateral trade.");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.reason).toMatch(/both align/);
    expect(scoreLink(trade, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("a listed run of fields of one family", () => {
  it("files 'culture, education, sub-national and other fields' under people-to-people exchanges, but not lone sub-national cooperation", () => {
    const people = one("Xi said the two sides should step up people-to-people exchanges.");
    const list = one("Xi said the two sides should strengthen cooperation in culture, education, sub-national and other fields.");
    const local = one("Xi said the two sides should energize sub-national cooperation.");
    const projects = one("Xi said the two sides should speed up the construction of transportation infrastructure projects.");
    const connectivity = one("Xi said the two sides should deepen cooperation in connectivity.");
    expect(scoreLink(list, asPledge(people)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(scoreLink(local, asPledge(people)).score).toBeLessThan(LINK_THRESHOLD);
    expect(scoreLink(projects, asPledge(connectivity)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("keeps the close runners-up of a choice, best first, and never a pledge the readout itself starts", () => {
    const within = one("China will strengthen cooperation with Tajikistan within the Shanghai Cooperation Organization.");
    const summit = one("Xi said China supports Tajikistan in hosting the SCO summit in Dushanbe next year.");
    const honey = one("China will import more Tajik honey.");
    // No candidate reaches the threshold: a new pledge, with the near miss kept for an analyst.
    const alone = weighLinks(summit, [asPledge(within, 1), asPledge(honey, 2)]);
    expect(alone.best).toBeNull();
    expect(alone.alternatives.map((a) => a.pledgeId)).toEqual([1]);
    expect(alone.alternatives[0].confidence).toBeGreaterThanOrEqual(NEAR_MISS);
    expect(alone.alternatives[0].confidence).toBeLessThan(LINK_THRESHOLD);
    expect(alone.alternatives[0].reason).toMatch(/summit/);
    // With a restatement among the candidates, it is the choice and the near miss its rival.
    const again = one("China will further strengthen cooperation within the Shanghai Cooperation Organization.");
    const both = weighLinks(again, [asPledge(summit, 3), asPledge(within, 1)]);
    expect(both.best?.pledgeId).toBe(1);
    expect(both.alternatives.map((a) => a.pledgeId)).toEqual([3]);
    expect(chooseLink(again, [asPledge(summit, 3), asPledge(within, 1)])).toEqual(both.best);
    // The planner keeps rivals among stored pledges only.
    const plan = planLinks([within, summit], [[], []]);
    expect(plan.mentions[1].decision).toBeNull();
    expect(plan.mentions[1].alternatives).toEqual([]);
    const stored = { ...asPledge(within, 7), retrievalKeys: mentionKeys(within).retrievalKeys, mentionCount: 1 };
    expect(planLinks([summit], [[stored]]).mentions[0].alternatives.map((a) => a.pledgeId)).toEqual([7]);
  });
  it("reads a country named in several words as the country, not as a thing two pledges share", () => {
    const pair = "South African President Cyril Ramaphosa";
    const aid = one("Xi said China will provide necessary assistance to South Africa.", pair);
    const terror = one("China supports South Africa in combating terrorism.", pair);
    expect(aid.countryPair).toBe("China|South Africa");
    expect(scoreLink(terror, asPledge(aid)).score).toBeLessThan(LINK_THRESHOLD);
    // Its adjective in two words too: South African wine and South African citizens share nothing.
    const wine = one("China will import more South African wine.", pair);
    const citizens = one("China will ensure the safety of South African citizens in China.", pair);
    expect(scoreLink(citizens, asPledge(wine)).score).toBeLessThan(LINK_THRESHOLD);
    expect(investorOf("welcome more South African companies", ["China", "South Africa"])).toBe("South Africa");
    // A name that holds the country is still that name, shown as written.
    const hospital = one("The two sides will build the South Africa-China Friendship Hospital.", pair);
    const again = one("China will complete the South Africa-China Friendship Hospital next year.", pair);
    const linked = scoreLink(again, asPledge(hospital));
    expect(linked.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(linked.reason).toMatch(/'South Africa-China Friendship Hospital'/);
  });
});

