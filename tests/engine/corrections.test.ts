import { describe, expect, it } from "vitest";
import { firstMention } from "./support";
import type { ExtractedMention } from "@/server/engine/extract-mentions";
import { verdictOf, wordingOf, type Correction } from "@/server/engine/corrections";
import { mentionKeys } from "@/server/engine/keys";
import { planLinks, type StoredPledge } from "@/server/engine/plan-links";

const HEAD = "Talks\nUpdated: March 4, 2024 10:00\n\nOn March 3, 2024, Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe.\n\n";
const one = (body: string): ExtractedMention => firstMention(HEAD, body);
const stored = (m: ExtractedMention, id: number): StoredPledge => {
  const k = mentionKeys(m);
  return { id, title: m.title, topic: m.topic, giver: m.giver, countryPair: m.countryPair, linkKeys: k.linkKeys, retrievalKeys: k.retrievalKeys, phrases: [m.phrase], mentionCount: 1 };
};
const label = (id: number, pledgeId: number, kind: Correction["kind"], linked: boolean): Correction => ({ id, pledgeId, kind, linked, date: "2026-12-04" });

describe("analysts' corrections", () => {
  it("name a wording by its link keys, whatever the order or inflection", () => {
    expect(wordingOf("build solar power stations", "China|Tajikistan")).toBe(wordingOf("build a solar power station", "China|Tajikistan"));
    expect(wordingOf("build a solar power station", "China|Tajikistan")).not.toBe(wordingOf("build a solar power station", "China|Uzbekistan"));
    expect(wordingOf("the", "China|Tajikistan")).toBeNull();
  });

  it("let the latest label of each pledge count, and the latest placing label decide", () => {
    expect(verdictOf([label(1, 7, "MOVE", true), label(2, 9, "MOVE", false)]).link?.pledgeId).toBe(7);
    // Moved away from 7 later: 7 is avoided and nothing places the wording.
    const away = verdictOf([label(1, 7, "MOVE", true), label(3, 7, "MOVE", false)]);
    expect(away.link).toBeNull();
    expect([...away.avoid]).toEqual([7]);
    expect(verdictOf([label(1, 7, "MERGE", true), label(4, 7, "REJECT", false)]).reject?.pledgeId).toBe(7);
    expect(verdictOf([label(4, 7, "REJECT", false), label(5, 8, "MOVE", true)]).link?.pledgeId).toBe(8);
  });

  it("keep the planner off a pledge the wording was moved away from", () => {
    const a = one("China will expand the exchange programme for young diplomats.");
    const b = one("China will expand the exchange programme for young diplomats this year.");
    expect(planLinks([b], [[stored(a, 5)]]).mentions[0].pledgeRef).toBe(5);
    const plan = planLinks([b], [[stored(a, 5)]], [[label(1, 5, "MOVE", false)]]);
    expect(plan.mentions[0].pledgeRef).toBeLessThan(0);
    expect(plan.created).toHaveLength(1);
  });

  it("link a taught wording with the analyst's reason, growing the pledge's keys", () => {
    const a = one("China will build a solar power station near Dushanbe.");
    const b = one("China is ready to set up photovoltaic generating capacity in the south of Tajikistan.");
    expect(planLinks([b], [[stored(a, 5)]]).mentions[0].pledgeRef).toBeLessThan(0);
    const plan = planLinks([b], [[stored(a, 5)]], [[label(1, 5, "MOVE", true)]]);
    expect(plan.mentions[0].pledgeRef).toBe(5);
    expect(plan.mentions[0].decision).toEqual({ pledgeId: 5, confidence: 1, reason: "an analyst linked this wording to this pledge on 2026-12-04 (move)" });
    expect(plan.grown[0].retrievalKeys).toContain("China|Tajikistan:photovolta");
  });

  it("place a rejected wording on the pledge it was rejected on, teaching it nothing", () => {
    const a = one("Tajikistan will consolidate the friendly public sentiment between the two peoples.");
    const plan = planLinks([a], [[]], [[label(1, 3, "REJECT", false)]]);
    expect(plan.mentions[0]).toMatchObject({ pledgeRef: 3, rejected: true });
    expect(plan.created).toEqual([]);
    expect(plan.grown).toEqual([]);
  });
});
