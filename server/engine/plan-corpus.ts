import type { TopicSlug } from "@/lib/topics";
import { extractMentions, type ExtractedMention } from "./extract-mentions";
import { parseReadout, type ParsedReadout } from "./parse-readout";
import { lookupKeys, planLinks, rankCandidates, type StoredPledge } from "./plan-links";

export interface CorpusPledge {
  key: string;
  title: string;
  topic: TopicSlug;
  giver: string;
  countryPair: string;
  linkKeys: string[];
  retrievalKeys: string[];
  mentions: { readoutId: string; mention: ExtractedMention; confidence: number; reason: string; alternatives: { key: string; confidence: number; reason: string }[] }[];
}

export interface CorpusResult {
  readouts: { id: string; text: string; parsed: ParsedReadout; mentions: ExtractedMention[] }[];
  pledges: CorpusPledge[];
}

/**
 * The link planner run over a whole corpus in memory, with an inverted index on retrieval keys
 * standing in for the database's: readouts in meeting-date order (then by id, as ingestion orders
 * files), each planned by `planLinks` exactly as ingestion plans it. With `everyPledge`, every
 * pledge of the pair is offered as a candidate instead, the check that the index hides nothing the
 * scorer would have linked.
 */
export function planCorpus(readouts: { id: string; text: string; meetingDate?: string }[], options: { everyPledge?: boolean } = {}): CorpusResult {
  const parsedAll = readouts.map((r) => {
    const parsed = parseReadout(r.text, r.meetingDate ? { meetingDate: r.meetingDate } : undefined);
    return { id: r.id, text: r.text, parsed, mentions: extractMentions(r.text, parsed) };
  });
  const ordered = parsedAll
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.parsed.meetingDate)
    .sort((a, b) => a.r.parsed.meetingDate!.localeCompare(b.r.parsed.meetingDate!) || a.index - b.index)
    .map(({ r }) => r);
  const pledges: (CorpusPledge & StoredPledge)[] = [];
  const index = new Map<string, Set<number>>();
  const file = (p: StoredPledge, keys: Iterable<string>) => {
    for (const k of keys) {
      if (!index.has(k)) index.set(k, new Set());
      index.get(k)!.add(p.id);
    }
  };
  for (const r of ordered) {
    const lookups = lookupKeys(r.mentions);
    const candidates = r.mentions.map((m, i) => {
      const found = new Set<number>();
      if (options.everyPledge) pledges.forEach((p) => p.countryPair === m.countryPair && found.add(p.id));
      else for (const k of lookups[i]) for (const id of index.get(k) ?? []) found.add(id);
      const pool = [...found].map((id) => pledges[id]);
      return options.everyPledge ? pool : rankCandidates(pool, lookups[i]);
    });
    const plan = planLinks(r.mentions, candidates);
    const ids = new Map<number, number>();
    for (const c of plan.created) {
      const id = pledges.length;
      ids.set(c.ref, id);
      const p = { key: `p${id}`, id, title: c.title, topic: c.topic as TopicSlug, giver: c.giver, countryPair: c.countryPair, linkKeys: c.linkKeys, retrievalKeys: c.retrievalKeys, phrases: [] as string[], mentionCount: 0, mentions: [] };
      pledges.push(p);
      file(p, p.retrievalKeys);
    }
    for (const g of plan.grown) {
      const p = pledges[g.id];
      p.linkKeys = g.linkKeys;
      p.retrievalKeys = g.retrievalKeys;
      file(p, g.retrievalKeys);
    }
    for (const pm of plan.mentions) {
      const p = pledges[pm.pledgeRef >= 0 ? pm.pledgeRef : ids.get(pm.pledgeRef)!];
      p.mentions.push({ readoutId: r.id, mention: pm.mention, confidence: pm.decision?.confidence ?? 1, reason: pm.decision?.reason ?? "first mention", alternatives: pm.alternatives.map((a) => ({ key: `p${a.pledgeId}`, confidence: a.confidence, reason: a.reason })) });
      p.phrases.push(pm.mention.phrase);
      p.mentionCount++;
    }
  }
  return {
    readouts: parsedAll,
    pledges: pledges.map((p) => ({ key: p.key, title: p.title, topic: p.topic, giver: p.giver, countryPair: p.countryPair, linkKeys: p.linkKeys, retrievalKeys: p.retrievalKeys, mentions: p.mentions })),
  };
}
