import type { ExtractedMention } from "./extract-mentions";
import { retrievalKeySets } from "./link";
import { linkKeysOf } from "./normalise";

/**
 * The one rule for the keys a pledge is filed under. Every writer of `Pledge.linkKeys` and
 * `Pledge.retrievalKeys` (ingestion, rekey, merge, move, the in-memory planner) goes through these
 * functions, so a pledge's keys are the same whichever path made them.
 */
export const MAX_LINK_KEYS = 48;
export const MAX_RETRIEVAL_KEYS = 64;

export interface PledgeKeys {
  linkKeys: string[];
  retrievalKeys: string[];
}

type Keyed = Pick<ExtractedMention, "phrase" | "countryPair" | "linkKeys" | "antecedent">;

/** `current` followed by the keys of `more` it lacks, in first-seen order, up to `cap`. */
export function addKeys(current: readonly string[], more: Iterable<string>, cap: number): string[] {
  const out = [...current];
  const seen = new Set(out);
  for (const k of more) {
    if (out.length >= cap) break;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  }
  return out;
}

/** What one mention adds to its pledge's keys, and the keys it looks candidates up by. */
export function mentionKeys(mention: Keyed): PledgeKeys & { lookup: string[] } {
  const { file, look } = retrievalKeySets(mention);
  return { linkKeys: mention.linkKeys, retrievalKeys: file, lookup: look };
}

/** A pledge's keys after one more mention joins it. */
export function withMention(keys: PledgeKeys, mention: PledgeKeys): PledgeKeys {
  return {
    linkKeys: addKeys(keys.linkKeys, mention.linkKeys, MAX_LINK_KEYS),
    retrievalKeys: addKeys(keys.retrievalKeys, mention.retrievalKeys, MAX_RETRIEVAL_KEYS),
  };
}

/** A pledge's keys from its mentions, in the order they were linked. */
export function keysOfMentions(mentions: Iterable<PledgeKeys>): PledgeKeys {
  let keys: PledgeKeys = { linkKeys: [], retrievalKeys: [] };
  for (const m of mentions) keys = withMention(keys, m);
  return keys;
}

/** The survivor's keys after another pledge is folded into it. */
export function mergedKeys(survivor: PledgeKeys, other: PledgeKeys): PledgeKeys {
  return withMention(survivor, other);
}

/**
 * Keys for a pledge an analyst creates around one mention, named by the analyst: the title's words
 * count as the mention's own, so later readouts that use either wording find it.
 */
export function analystPledgeKeys(title: string, mention: Keyed): PledgeKeys {
  const linkKeys = addKeys(mention.linkKeys, linkKeysOf(title), MAX_LINK_KEYS);
  return keysOfMentions([mentionKeys({ ...mention, linkKeys })]);
}
