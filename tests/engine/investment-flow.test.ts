import { describe, expect, it } from "vitest";
import { firstMention } from "./support";
import type { ExtractedMention } from "@/server/engine/extract-mentions";
import { LINK_THRESHOLD, LOW_CONFIDENCE, retrievalKeySets, scoreLink, type PledgeCandidate } from "@/server/engine/link";

const HEAD = "Talks\nUpdated: June 12, 2024 10:00\n\nOn June 11, 2024, Chinese Premier Li Qiang held talks with Tajik Prime Minister Kokhir Rasulzoda in Dushanbe.\n\n";
const one = (body: string): ExtractedMention => firstMention(HEAD, body);
const asPledge = (m: ExtractedMention): PledgeCandidate => ({ id: 1, title: m.title, topic: m.topic, giver: m.giver, countryPair: m.countryPair, linkKeys: m.linkKeys, phrases: [m.phrase] });

describe("investment flows", () => {
  const renovation = () => one("Rasulzoda said Tajikistan welcomes Chinese companies to take part in the renovation of mining enterprises.");
  it("the investor gives, whoever states the flow", () => {
    expect(one("Rasulzoda said Tajikistan hopes to attract more Chinese investment in tourism.").giver).toBe("China");
    expect(one("Rasulzoda said Tajikistan will create a fair business climate for Chinese investors.").giver).toBe("China");
    expect(renovation().giver).toBe("China");
  });
  it("links one side's investment into the same field, however it is told, as a doubtful link", () => {
    const attract = one("Rasulzoda said Tajikistan hopes to attract more Chinese investment in gold, copper and coal mining.");
    const s = scoreLink(attract, asPledge(renovation()));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.score).toBeLessThan(LOW_CONFIDENCE);
    expect(s.reason).toMatch(/investment flow from China into 'mining'/);
  });
  it("keeps flows into other fields, and the general flow, apart", () => {
    const tourism = one("Rasulzoda said Tajikistan hopes to attract more Chinese investment in tourism.");
    expect(scoreLink(tourism, asPledge(renovation())).score).toBeLessThan(LINK_THRESHOLD);
    const general = one("Rasulzoda said Tajikistan welcomes more Chinese investment.");
    expect(scoreLink(general, asPledge(renovation())).score).toBeLessThan(LINK_THRESHOLD);
  });
  it("a facility keeps its own rules", () => {
    const park = one("Rasulzoda said Tajikistan welcomes Chinese companies to invest in industrial parks.");
    const zone = one("Rasulzoda said Tajikistan hopes to attract Chinese investment in industrial free zones.");
    const s = scoreLink(zone, asPledge(park));
    expect(s.reason).not.toMatch(/investment flow/);
    expect(s.score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("companies investing in one side", () => {
  it("are the other side's flow, with doing business kept in the same pledge", () => {
    const domestic = one("Li Qiang said China will encourage more domestic companies to invest and open businesses in Tajikistan.");
    expect(domestic.giver).toBe("China");
    expect(domestic.phrase).toBe("encourage more domestic companies to invest and open businesses in Tajikistan");
    const welcomed = one("Rasulzoda said Tajikistan welcomes Chinese firms to invest.");
    const s = scoreLink(welcomed, asPledge(domestic));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.reason).toMatch(/same investment flow from China/);
  });
  it("the business climate is not a flow", () => {
    const climate = one("Rasulzoda said Tajikistan will improve the business environment.");
    const domestic = one("Li Qiang said China will encourage domestic companies to invest and run businesses in Tajikistan.");
    expect(scoreLink(domestic, asPledge(climate)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("a flow across a list of fields", () => {
  it("is the general flow told in full, and is retrieved for it", () => {
    const listed = one("Li Qiang said China will encourage companies to invest in Tajikistan in energy, mining, industry and agriculture.");
    const general = one("Rasulzoda said Tajikistan welcomes Chinese companies to invest.");
    const s = scoreLink(general, asPledge(listed));
    expect(s.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(s.score).toBeLessThan(LOW_CONFIDENCE);
    expect(s.reason).toMatch(/same investment flow from China, across/);
    const filed = retrievalKeySets(listed).file;
    expect(retrievalKeySets(general).look.some((k) => filed.includes(k))).toBe(true);
  });
  it("but a flow into one field stays apart from the general flow", () => {
    const one_field = one("Li Qiang said China will encourage companies to invest in Tajikistan's energy sector.");
    const general = one("Rasulzoda said Tajikistan welcomes Chinese companies to invest.");
    expect(scoreLink(general, asPledge(one_field)).score).toBeLessThan(LINK_THRESHOLD);
  });
});

describe("the safety of one side's staff", () => {
  it("is the host's pledge, not an investment flow", () => {
    expect(one("Rasulzoda said Tajikistan will ensure the safety of staff at Chinese enterprises.").giver).toBe("Tajikistan");
  });
});
