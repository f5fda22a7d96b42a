import { describe, expect, it } from "vitest";
import { firstMention, mentionsIn } from "./support";
import { extractMentions, type ExtractedMention } from "@/server/engine/extract-mentions";
import { LINK_THRESHOLD, LOW_CONFIDENCE, retrievalKeySets, scoreLink, type PledgeCandidate } from "@/server/engine/link";
import { linkKeysOf } from "@/server/engine/normalise";
import { parseReadout } from "@/server/engine/parse-readout";

// Invented sentences: paraphrases of one general commitment across meetings.
const HEAD = "Talks\nUpdated: March 4, 2024 10:00\n\nOn March 3, 2024, Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe.\n\n";
const one = (body: string): ExtractedMention => firstMention(HEAD, body);
const asPledge = (m: ExtractedMention, id = 1): PledgeCandidate => ({ id, title: m.title, topic: m.topic, giver: m.giver, countryPair: m.countryPair, linkKeys: m.linkKeys, phrases: [m.phrase] });
const retrieves = (a: ExtractedMention, b: ExtractedMention) => retrievalKeySets(b).look.some((k) => retrievalKeySets(a).file.includes(k));

describe("paraphrase of general commitments", () => {
  it("a list of fields of one family restates a commitment in that family, and is retrieved for it", () => {
    const list = one("The two sides will expand cooperation in culture, tourism and education.");
    const field = one("The two sides will boost people-to-people exchanges.");
    expect(scoreLink(field, asPledge(list)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(scoreLink(field, asPledge(list)).reason).toMatch(/field family \(people\)/);
    expect(retrieves(list, field)).toBe(true);
  });
  it("two lone fields of one family stay apart", () => {
    const trade = one("The two sides will expand bilateral trade.");
    const tourism = one("The two sides will promote tourism.");
    const culture = one("The two sides will deepen cultural cooperation.");
    expect(scoreLink(tourism, asPledge(culture)).score).toBeLessThan(LINK_THRESHOLD);
    expect(scoreLink(trade, asPledge(tourism)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("pace and intensity words are no evidence of which commitment", () => {
    const a = one("The two sides will accelerate the pace of connectivity.");
    const b = one("The two sides will intensify regional connectivity.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("the 'three evil forces' are terrorism, and a commitment is about the object it leads with", () => {
    const a = one("The two sides will jointly fight the three evil forces, arms smuggling and cybercrime.");
    const b = one("The two sides will step up counter-terrorism cooperation, border patrols and drug control.");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.score).toBeLessThan(0.7);
    expect(s.reason).toMatch(/leads with the same object/);
  });
  it("a list that leads with another object is not the same commitment", () => {
    const a = one("The two sides will jointly fight cybercrime, terrorism and arms smuggling.");
    const b = one("The two sides will step up counter-terrorism cooperation, border patrols and drug control.");
    expect(scoreLink(b, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("one side's investment into no field in particular is one flow however it is told", () => {
    const a = one("Rahmon said Tajikistan welcomes more Chinese firms to invest.");
    const b = one("Tajikistan will offer convenience for investment by Chinese enterprises.");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.reason).toMatch(/into no field in particular/);
    expect(retrieves(a, b)).toBe(true);
  });
});

describe("relationship rhetoric", () => {
  it("friendship, trust and breadth words leave nothing to track", () => {
    const t = `${HEAD}The two sides will adhere to being good friends and deepen political mutual trust. China is ready to carry out cooperation in extensive fields with Tajikistan. Both sides will build a new railway to Kulob.`;
    const phrases = extractMentions(t, parseReadout(t)).map((m) => m.phrase);
    expect(phrases.some((p) => /friends|trust|extensive|political/.test(p))).toBe(false);
    expect(phrases.some((p) => /railway/.test(p))).toBe(true);
  });
});

describe("lead object", () => {
  it("needs a list: two short phrases that begin with one adjective stay apart", () => {
    const a = one("The two sides will expand cooperation in folk medicine.");
    const b = one("The two sides will jointly meet folk threats.");
    expect(scoreLink(b, asPledge(a)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("hospitality", () => {
  it("welcoming a guest's visit or being welcomed is not a pledge; welcoming investment still is", () => {
    const t = `${HEAD}Rahmon welcomed the Chinese premier's visit. Xi was welcomed by the mayor at the station. Rahmon welcomes and anticipates the Chinese leader's attendance at the forum. Rahmon welcomes Chinese firms to build a cement plant in Khujand.`;
    const phrases = extractMentions(t, parseReadout(t)).map((m) => m.phrase);
    expect(phrases.some((p) => /visit|mayor|attendance/.test(p))).toBe(false);
    expect(phrases.some((p) => /cement plant/.test(p))).toBe(true);
  });
});

describe("standing policy in the present", () => {
  it("'firmly adheres to', 'encourages' and 'are encouraged to' are cues; the past is not", () => {
    const t = `${HEAD}Rahmon said Tajikistan firmly adheres to the one-China principle. China encourages its firms to build solar farms in Tajikistan. Chinese banks are encouraged to open branches in Dushanbe. In 2010 the two sides adhered to the border treaty.`;
    const phrases = extractMentions(t, parseReadout(t)).map((m) => m.phrase);
    expect(phrases.some((p) => /one-China principle/.test(p))).toBe(true);
    expect(phrases.some((p) => /solar farms/.test(p))).toBe(true);
    expect(phrases.some((p) => /open branches/.test(p))).toBe(true);
    expect(phrases.some((p) => /border treaty/.test(p))).toBe(false);
  });
});

describe("a phrase that leads with a general commitment's field", () => {
  // A phrase the extractor keeps whole when the word after the comma is not read as a verb.
  const kept = (phrase: string) => {
    const base = one("The two sides will improve connectivity.");
    return { ...base, phrase, linkKeys: linkKeysOf(phrase) };
  };
  it("restates that commitment, and is retrieved for it", () => {
    const general = one("The two sides will improve connectivity.");
    const list = kept("deepen connectivity, a ferry route across the lake");
    const s = scoreLink(list, asPledge(general));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.reason).toMatch(/leads with the general commitment's field/);
    expect(retrieves(general, list)).toBe(true);
    expect(retrieves(list, general)).toBe(true);
  });
  it("not when the field comes later or a facility is named", () => {
    const general = one("The two sides will improve connectivity.");
    expect(scoreLink(kept("a ferry route and deeper connectivity"), asPledge(general)).score).toBeLessThan(LINK_THRESHOLD);
    expect(scoreLink(kept("deepen connectivity with a logistics hub"), asPledge(general)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("coordinated actions are split, so the general commitment is its own mention", () => {
    const general = one("The two sides will improve connectivity.");
    const first = one("The two sides will deepen connectivity, open a ferry route across the lake.");
    expect(first.phrase).toBe("deepen connectivity");
    expect(scoreLink(first, asPledge(general)).score).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
});

describe("mutual support", () => {
  it("is one standing commitment however it is worded, and is retrieved for it", () => {
    const interests = one("The two sides will support each other on issues concerning their core interests.");
    const challenges = one("The two sides will continue to help and support each other in meeting challenges.");
    const firm = one("The two sides should firmly support each other.");
    expect(firm.phrase).toBe("firmly support each other");
    for (const m of [challenges, firm]) {
      const s = scoreLink(m, asPledge(interests));
      expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
      expect(s.reason).toMatch(/both are mutual support/);
      expect(retrieves(interests, m)).toBe(true);
    }
  });
  it("includes respecting each other's core interests, and 'one another' is 'each other'", () => {
    const interests = one("The two sides will support each other on issues concerning their core interests.");
    const respect = one("The two sides agreed to respect each other's core interests and major concerns.");
    const another = one("The two sides should always support one another.");
    for (const m of [respect, another]) expect(scoreLink(m, asPledge(interests)).reason).toMatch(/both are mutual support/);
  });
  it("is not any reciprocal phrase: 'respective' says how, not what", () => {
    const firm = one("The two sides should firmly support each other.");
    const drives = one("The two sides will work together to advance their respective modernization drives.");
    expect(scoreLink(drives, asPledge(firm)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("but backing each other in a named project is that project", () => {
    const interests = one("The two sides will support each other on issues concerning their core interests.");
    const drive = one("The two sides will help each other advance the modernization drive.");
    expect(scoreLink(drive, asPledge(interests)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("set phrases of the domain, kept as data", () => {
  it("reads high-level contacts, communications and exchanges as one commitment", () => {
    const a = one("The two sides will maintain high-level contacts.");
    const b = one("The two sides will maintain exchanges between high-level officials.");
    const c = one("China is ready to keep high-level communications with Tajikistan.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(scoreLink(c, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("reads international and regional affairs and multilateral frameworks as one field of coordination", () => {
    const a = one("The two sides will strengthen coordination in international and regional affairs.");
    const b = one("The two sides will step up communication and collaboration within multilateral frameworks.");
    expect(linkKeysOf(a.phrase)).toEqual(["multilater"]);
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("reads a general commitment with examples as that commitment, examples aside", () => {
    const a = one("The two sides will strengthen coordination in international and regional affairs.");
    const b = one("The two sides will enhance coordination within multilateral mechanisms such as the Shanghai Cooperation Organization and the United Nations.");
    const s = scoreLink(b, asPledge(a));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.reason).toMatch(/examples aside/);
  });
  it("reads visits between leaders as high-level exchanges, and non-governmental exchanges and people-to-people bonds as people-to-people exchanges", () => {
    const high = one("The two sides will maintain high-level exchanges.");
    const visits = one("The two sides agreed to promote visits between the leaders of the two countries.");
    expect(scoreLink(visits, asPledge(high)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    const people = one("The two sides will strengthen people-to-people exchanges.");
    for (const b of ["The two sides will broaden non-governmental exchange channels.", "The two sides will promote people-to-people bonds."]) {
      expect(scoreLink(one(b), asPledge(people)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    }
  });
  it("reads handling, managing and settling differences at sea as one commitment", () => {
    const handle = one("The two sides should properly handle differences.");
    const settle = one("The two sides will satisfactorily settle differences at sea.");
    const manage = one("The two sides agreed to manage maritime differences.");
    expect(scoreLink(settle, asPledge(handle)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(scoreLink(manage, asPledge(settle)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("reads communication between top leaders as high-level exchanges, and a socialist road as a socialist path", () => {
    const high = one("The two sides will maintain high-level exchanges.");
    const top = one("The two sides will enhance communication and cooperation between the top leaders of the two countries.");
    expect(scoreLink(top, asPledge(high)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    const path = one("China firmly supports Tajikistan in following its own socialist path suited to its national conditions.");
    const road = one("China supports Tajikistan to follow the socialist road conforming to its national conditions.");
    expect(scoreLink(road, asPledge(path)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("reads a healthy manner as how, not public health, and splits 'while expanding' off as its own action", () => {
    const ms = mentionsIn(HEAD, "The two sides will accelerate cooperation in economy and trade in a balanced and healthy manner while expanding cooperation in culture and tourism.");
    expect(ms.map((m) => m.phrase)).toEqual(["accelerate cooperation in economy and trade in a balanced and healthy manner", "expanding cooperation in culture and tourism"]);
    expect(ms[0].linkKeys).not.toContain("health");
    expect(ms[0].topic).not.toBe("health");
  });
  it("reads 'well plan high-level exchanges' as the exchanges, not a plan", () => {
    const a = one("The two sides will maintain high-level contacts.");
    const b = one("China stands ready to, together with Tajikistan, well plan high-level exchanges in the next stage.");
    expect(b.linkKeys).toEqual(["high-level"]);
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it("keeps strategic communication as a commitment of its own, and folds spelling variants", () => {
    const m = one("The two sides will maintain strategic communication.");
    expect(m.linkKeys).toEqual(["strategic-communication"]);
    expect(linkKeysOf("push forward co-operation in hydropower")).toEqual(linkKeysOf("push forward cooperation in hydropower"));
  });
  it("reads a free trade negotiation as the pair's, whichever side states it", () => {
    const a = one("Rahmon said Tajikistan is willing to start free trade agreement negotiations.");
    const b = one("Xi said China is willing to start a feasibility study on a free trade agreement with Tajikistan.");
    expect([a.giver, b.giver]).toEqual(["joint", "joint"]);
  });
  it("files production capacity apart from trade and investment", () => {
    const capacity = one("The two sides will enhance cooperation in production capacity, investment and infrastructure.");
    const trade = one("The two sides will expand trade and investment cooperation.");
    expect(scoreLink(trade, asPledge(capacity)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("words that say nothing of which pledge", () => {
  it("implementation is no evidence: carrying out key projects is not carrying out a named initiative", () => {
    const projects = one("The two sides will promote the effective implementation of key cooperation projects.");
    const initiative = one("The two sides will accelerate the implementation of the Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative.");
    expect(scoreLink(initiative, asPledge(projects)).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("drops relationship rhetoric: ironclad friendship, seizing opportunities, riding momentum", () => {
    const t = `${HEAD}The two sides should consolidate the ironclad friendship, seize opportunities to make new progress in win-win cooperation and ride the momentum. China will unswervingly deepen its strategic relationship with Tajikistan.`;
    expect(extractMentions(t, parseReadout(t))).toEqual([]);
  });
});
