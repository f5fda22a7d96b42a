import { describe, expect, it } from "vitest";
import { parseReadout } from "@/server/ingest/parse-readout";
import { extractMentions, type ExtractedMention } from "@/server/ingest/extract-mentions";
import { chooseLink, LINK_THRESHOLD, scoreLink, type PledgeCandidate } from "@/server/ingest/link";

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
      expect(d?.reason).toMatch(/luban workshop/);
    }
  });
  it("links 'traditional medicine center' to 'Center for Traditional Chinese Medicine'", () => {
    const a = one("China will build a traditional medicine center in Tajikistan.");
    const b = one("The two sides should run well the Sino-Tajik Center for Traditional Chinese Medicine.");
    expect(scoreLink(b, asPledge(a)).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
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
});
