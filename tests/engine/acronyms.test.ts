import { describe, expect, it } from "vitest";
import type { ExtractedMention } from "@/server/engine/extract-mentions";
import { scoreLink, type PledgeCandidate } from "@/server/engine/link";
import { firstMention } from "./support";

// Invented names: an acronym against the full name it stands for.
const HEAD = "Talks\nUpdated: March 4, 2024 10:00\n\nOn March 3, 2024, Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe.\n\n";
const one = (body: string): ExtractedMention => firstMention(HEAD, body);
const asPledge = (m: ExtractedMention): PledgeCandidate => ({ id: 1, title: m.title, topic: m.topic, giver: m.giver, countryPair: m.countryPair, linkKeys: m.linkKeys, phrases: [m.phrase] });

describe("acronyms", () => {
  it("read an acronym as its full name, the kind in the name included", () => {
    const full = one("The two sides will speed up the building of the Pamir Gateway Corridor.");
    const short = one("China will push forward the PGC.");
    const s = scoreLink(short, asPledge(full));
    expect(s.score).toBeGreaterThanOrEqual(0.9);
    expect(s.reason).toMatch(/shares named 'PGC'/);
    // Its upgrade is another pledge, however the name is told.
    const upgrade = scoreLink(one("China will upgrade the PGC."), asPledge(full));
    expect(upgrade.score).toBeLessThan(0.55);
    expect(upgrade.reason).toMatch(/only one upgrades/);
  });
  it("still tell a facility outside the name apart", () => {
    const organisation = one("The two sides will strengthen cooperation within the Pamir Mountain Council.");
    const summit = one("Tajikistan will host the PMC summit.");
    expect(scoreLink(summit, asPledge(organisation)).score).toBeLessThan(0.55);
  });
});
