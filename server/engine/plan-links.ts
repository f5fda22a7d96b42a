import type { ExtractedMention } from "./extract-mentions";
import { mentionKeys, withMention, type PledgeKeys } from "./keys";
import { correctionReason, verdictOf, type Correction } from "./corrections";
import { MAX_ALTERNATIVES, weighLinks, type LinkDecision, type PledgeCandidate } from "./link";

/**
 * The one link planner. Given a readout's mentions and, for each, the stored pledges its lookup
 * keys retrieved (ranked and capped by `rankCandidates`), it decides every link in memory: a
 * mention joins the best candidate above the threshold, or an earlier mention's new pledge of the
 * same readout, or starts a pledge. Ingestion retrieves candidates from PostgreSQL; the in-memory
 * corpus planner from its own index; both then call this, so what is stored is what is planned.
 */

/** Candidates scored per mention, and wordings read per candidate. */
export const MAX_CANDIDATES = 25;
export const MAX_PHRASES = 8;

/** A pledge as the planner sees it: its keys, a few wordings, and how often it was mentioned. */
export interface StoredPledge extends PledgeCandidate {
  retrievalKeys: string[];
  mentionCount: number;
}

export interface PlannedMention {
  mention: ExtractedMention;
  /** A stored pledge id, or a negative placeholder (-1, -2, …) for a pledge this readout creates. */
  pledgeRef: number;
  decision: LinkDecision | null;
  /** Stored pledges that scored close to (or above) the threshold but were not chosen, best first:
   *  what an analyst compares on /review. Pledges this readout starts are never among them. */
  alternatives: LinkDecision[];
  keys: PledgeKeys & { lookup: string[] };
  /** An analyst marked this wording not a pledge: stored rejected on `pledgeRef`, teaching it nothing. */
  rejected?: boolean;
}

export interface NewPledge extends PledgeKeys {
  ref: number;
  title: string;
  topic: string;
  giver: string;
  receiver: string | null;
  countryPair: string;
  actors: string[];
}

export interface LinkPlan {
  mentions: PlannedMention[];
  created: NewPledge[];
  /** Stored pledges whose keys grew, with their whole new key lists. */
  grown: ({ id: number } & PledgeKeys)[];
}

/** Lookup keys of every mention, in readout order: what candidate retrieval needs. */
export function lookupKeys(mentions: ExtractedMention[]): PledgeKeys["retrievalKeys"][] {
  return mentions.map((m) => mentionKeys(m).lookup);
}

/**
 * A shared key weighs the inverse of how many candidate pledges share it (its document frequency
 * within the pair: every pledge filed under a lookup key is a candidate), scaled to a whole number
 * so that PostgreSQL and the planner add exactly the same integers.
 */
export const KEY_WEIGHT_SCALE = 1_000_000;

/**
 * The order and cap candidate retrieval applies (PostgreSQL applies the same in its query): the
 * highest weighted overlap first (the sum over shared retrieval keys of `KEY_WEIGHT_SCALE` divided,
 * rounding down, by the number of candidates filed under that key), then most mentioned, then
 * oldest. A pledge that shares the one rare object of a mention ranks before many that share only
 * its common keys.
 */
export function rankCandidates<T extends StoredPledge>(pledges: Iterable<T>, lookup: readonly string[]): T[] {
  const want = new Set(lookup);
  const pool = [...pledges].map((p) => ({ p, shared: [...new Set(p.retrievalKeys.filter((k) => want.has(k)))] })).filter((x) => x.shared.length > 0);
  const frequency = new Map<string, number>();
  for (const { shared } of pool) for (const k of shared) frequency.set(k, (frequency.get(k) ?? 0) + 1);
  return pool
    .map((x) => ({ p: x.p, score: x.shared.reduce((sum, k) => sum + Math.floor(KEY_WEIGHT_SCALE / frequency.get(k)!), 0) }))
    .sort((a, b) => b.score - a.score || b.p.mentionCount - a.p.mentionCount || a.p.id - b.p.id)
    .slice(0, MAX_CANDIDATES)
    .map((x) => x.p);
}

/** An analyst's label decides before any scoring: confidence 1, and the reason says who and when. */
const TAUGHT = 1;

/**
 * `corrections[i]` are the analysts' labels on mention i's wording (see `corrections.ts`); a pledge
 * a label links the wording to must be among `candidates[i]`, whatever its rank.
 */
export function planLinks(mentions: ExtractedMention[], candidates: StoredPledge[][], corrections: Correction[][] = []): LinkPlan {
  const created: (NewPledge & { candidate: PledgeCandidate })[] = [];
  const grown = new Map<number, StoredPledge & PledgeKeys>();
  const planned: PlannedMention[] = [];
  // A stored pledge may be retrieved for several mentions: one working copy of each.
  const working = new Map<number, StoredPledge>();
  const copy = (p: StoredPledge) => {
    if (!working.has(p.id)) working.set(p.id, { ...p, phrases: p.phrases.slice(0, MAX_PHRASES), linkKeys: [...p.linkKeys], retrievalKeys: [...p.retrievalKeys] });
    return working.get(p.id)!;
  };
  for (const [i, mention] of mentions.entries()) {
    const keys = mentionKeys(mention);
    const verdict = verdictOf(corrections[i] ?? []);
    if (verdict.reject) {
      const pledgeId = verdict.reject.pledgeId;
      planned.push({ mention, pledgeRef: pledgeId, decision: { pledgeId, confidence: TAUGHT, reason: correctionReason(verdict) }, alternatives: [], keys, rejected: true });
      continue;
    }
    const stored = (candidates[i] ?? []).filter((p) => !verdict.avoid.has(p.id)).map(copy);
    const taught = verdict.link && stored.find((p) => p.id === verdict.link!.pledgeId);
    const local = created.filter((c) => c.countryPair === mention.countryPair).map((c) => c.candidate);
    const weighed = taught ? { best: { pledgeId: taught.id, confidence: TAUGHT, reason: correctionReason(verdict) }, alternatives: [] } : weighLinks(mention, [...stored, ...local]);
    const decision = weighed.best;
    const alternatives = weighed.alternatives.filter((a) => a.pledgeId >= 0).slice(0, MAX_ALTERNATIVES);
    planned.push({ mention, pledgeRef: decision ? decision.pledgeId : -(created.length + 1), decision, alternatives, keys });
    if (!decision) {
      const own = withMention({ linkKeys: [], retrievalKeys: [] }, keys);
      const ref = -(created.length + 1);
      created.push({
        ref,
        title: mention.title,
        topic: mention.topic,
        giver: mention.giver,
        receiver: mention.receiver,
        countryPair: mention.countryPair,
        actors: mention.giver === "joint" ? mention.countryPair.split("|") : [mention.giver],
        ...own,
        candidate: { id: ref, title: mention.title, topic: mention.topic, giver: mention.giver, countryPair: mention.countryPair, linkKeys: own.linkKeys, phrases: [mention.phrase] },
      });
      continue;
    }
    const target = decision.pledgeId;
    const mine = created.find((c) => c.ref === target);
    if (mine) {
      Object.assign(mine, withMention(mine, keys));
      mine.candidate.linkKeys = mine.linkKeys;
      mine.candidate.phrases.push(mention.phrase);
      continue;
    }
    const pledge = working.get(target)!;
    const next = withMention(pledge, keys);
    if (next.linkKeys.length !== pledge.linkKeys.length || next.retrievalKeys.length !== pledge.retrievalKeys.length) {
      Object.assign(pledge, next);
      grown.set(target, pledge as StoredPledge & PledgeKeys);
    }
    if (pledge.phrases.length < MAX_PHRASES) pledge.phrases.push(mention.phrase);
  }
  return {
    mentions: planned,
    created: created.map(({ candidate: _c, ...p }) => p),
    grown: [...grown.values()].map((p) => ({ id: p.id, linkKeys: p.linkKeys, retrievalKeys: p.retrievalKeys })),
  };
}
