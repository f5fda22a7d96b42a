import type { ExtractedMention } from "./extract-mentions";
import { keyTerms, type KeyTerm } from "./normalise";
import { specificityOf } from "./specificity";
import { allCities } from "./gazetteer";

export interface PledgeCandidate { id: number; title: string; topic: string; giver: string; countryPair: string; linkKeys: string[]; phrases: string[] }
export interface LinkDecision { pledgeId: number; confidence: number; reason: string }

export const LINK_THRESHOLD = 0.55;
export const LOW_CONFIDENCE = 0.7;

// Names of regions and frames are capitalised but say little about which pledge is meant.
const WEAK_NAMED = new Set([
  "central", "asia", "global", "initiative", "international", "organization", "united", "nation", "east", "west", "region", "republic", "people",
  // A city says where, not what: "… in Dushanbe" appears in unrelated pledges.
  ...allCities().flatMap((c) => c.city.toLowerCase().split(/[\s-]+/)),
]);
// Broad policy areas: shared by many different pledges, so they count half.
const BROAD = new Set(["trade", "invest", "economic", "economy", "security", "cultural", "energy", "digital", "technology", "development", "stability", "peace", "regional", "people-to-people", "multilateral", "mechanism", "project", "product"]);
// Facilities and instruments: a pledge about one is not a pledge about an activity in the same field.
const FACILITY = new Set(["center", "workshop", "institute", "school", "university", "college", "plant", "railway", "highway", "corridor", "pipeline", "park", "zone", "hospital", "committee", "memorandum", "document", "branch", "summit", "day", "flight", "scholarship", "crossing", "checkpoint", "agreement", "plan", "exhibition", "expo"]);

const CONTAINMENT_FACTOR = 0.6;
const AREA_SCORE = 0.5;
const weight = (k: string) => (BROAD.has(k) ? 0.5 : 1);

function dice(a: string[], b: string[]): number {
  const sb = new Set(b);
  const inter = a.filter((k) => sb.has(k)).reduce((s, k) => s + weight(k), 0);
  const total = a.reduce((s, k) => s + weight(k), 0) + b.reduce((s, k) => s + weight(k), 0);
  return total ? (2 * inter) / total : 0;
}

const strongNamed = (t: KeyTerm[]) => t.filter((x) => x.named && !WEAK_NAMED.has(x.key) && !BROAD.has(x.key)).map((x) => x.key);

/** Weighted share of the smaller key set found in the larger: a general restatement ("strengthen
 *  security cooperation") is contained in a detailed one. */
function containment(a: string[], b: string[]): number {
  const sb = new Set(b);
  const inter = a.filter((k) => sb.has(k)).reduce((s, k) => s + weight(k), 0);
  const min = Math.min(a.reduce((s, k) => s + weight(k), 0), b.reduce((s, k) => s + weight(k), 0));
  return min ? inter / min : 0;
}

export function candidateKeys(mention: ExtractedMention): string[] {
  return mention.linkKeys;
}

export function giversAgree(a: string, b: string): boolean {
  return a === b || a === "joint" || b === "joint";
}

export function scoreLink(mention: ExtractedMention, candidate: PledgeCandidate): { score: number; reason: string } {
  if (mention.countryPair !== candidate.countryPair) return { score: 0, reason: `different country pair (${candidate.countryPair})` };
  if (!giversAgree(mention.giver, candidate.giver)) return { score: 0, reason: `different giver (${mention.giver} vs ${candidate.giver})` };
  const mTerms = keyTerms(mention.phrase);
  const mKeys = mention.linkKeys;
  const mNamed = strongNamed(mTerms);
  const mFacility = mKeys.filter((k) => FACILITY.has(k));
  let best = { score: 0, reason: "no shared key terms" };
  const phrases = candidate.phrases.length ? candidate.phrases : [candidate.title];
  for (const ph of phrases) {
    const cTerms = keyTerms(ph);
    const cKeys = cTerms.map((t) => t.key);
    const cNamed = strongNamed(cTerms);
    const sharedNamed = mNamed.filter((k) => cNamed.includes(k));
    let score: number;
    let why: string;
    if (mNamed.length && cNamed.length && sharedNamed.length && dice(mNamed, cNamed) > 0.5) {
      score = 0.85 + 0.15 * dice(mNamed, cNamed);
      why = `shares named ${sharedNamed.join(" ")} ("${ph}")`;
    } else if (mNamed.length && cNamed.length && !sharedNamed.length && mFacility.length && cKeys.some((k) => FACILITY.has(k))) {
      score = 0;
      why = "names a different institution";
    } else {
      score = Math.max(dice(mKeys, cKeys), CONTAINMENT_FACTOR * containment(mKeys, cKeys));
      const shared = mKeys.filter((k) => cKeys.includes(k));
      why = shared.length ? `shares key terms ${shared.map((k) => `'${k}'`).join(", ")} with "${ph}"` : "no shared key terms";
      const cFacility = cKeys.filter((k) => FACILITY.has(k));
      // A facility is a different commitment from an activity in the same field ("cultural
      // centres" vs "cultural exchanges"), and two different facilities are different pledges.
      if ((mFacility.length > 0) !== (cFacility.length > 0)) { score *= 0.5; why += "; only one names a facility"; }
      else if (mFacility.length && !mFacility.some((k) => cFacility.includes(k))) { score *= 0.3; why += "; different facilities"; }
    }
    // Area commitments ("strengthen security cooperation", "support Tajikistan's sovereignty") name no
    // project; the same giver restating one in the same topic is the same pledge, flagged for review.
    if (score < AREA_SCORE && mention.specificity === 0 && specificityOf(ph, false) === 0 && mention.topic === candidate.topic && mention.giver === candidate.giver) {
      score = AREA_SCORE;
      why = `both are general ${candidate.topic} commitments by ${mention.giver === "joint" ? "both sides" : mention.giver} ("${ph}")`;
    }
    if (score > best.score) best = { score, reason: why };
  }
  let score = best.score;
  let reason = best.reason;
  if (score > 0) {
    if (mention.topic === candidate.topic) { score += 0.1; reason += `; same topic ${candidate.topic}`; }
    else { score -= 0.1; reason += `; topic differs (${mention.topic} vs ${candidate.topic})`; }
  }
  score = Math.max(0, Math.min(1, score));
  return { score: Math.round(score * 100) / 100, reason };
}

export function chooseLink(mention: ExtractedMention, candidates: PledgeCandidate[]): LinkDecision | null {
  let best: LinkDecision | null = null;
  for (const c of candidates) {
    const { score, reason } = scoreLink(mention, c);
    if (score >= LINK_THRESHOLD && (!best || score > best.confidence)) best = { pledgeId: c.id, confidence: score, reason };
  }
  return best;
}
