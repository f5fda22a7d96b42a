import type { TopicSlug } from "@/lib/topics";
import { extractMentions, type ExtractedMention } from "./extract-mentions";
import { chooseLink, retrievalKeySets, type PledgeCandidate } from "./link";
import { parseReadout, type ParsedReadout } from "./parse-readout";

export interface CorpusPledge {
  key: string;
  title: string;
  topic: TopicSlug;
  giver: string;
  countryPair: string;
  mentions: { readoutId: string; mention: ExtractedMention; confidence: number; reason: string }[];
}

export interface CorpusResult {
  readouts: { id: string; text: string; parsed: ParsedReadout; mentions: ExtractedMention[] }[];
  pledges: CorpusPledge[];
}

/**
 * Reference linker: readouts in meeting-date order, candidates retrieved from an inverted index on
 * retrieval keys. With `everyPledge`, each mention is scored against every pledge so far instead:
 * the check that the index never hides a pledge the scorer would have linked.
 */
export function linkCorpus(readouts: { id: string; text: string; meetingDate?: string }[], options: { everyPledge?: boolean } = {}): CorpusResult {
  const parsedAll = readouts.map((r) => {
    const parsed = parseReadout(r.text, r.meetingDate ? { meetingDate: r.meetingDate } : undefined);
    return { id: r.id, text: r.text, parsed, mentions: extractMentions(r.text, parsed) };
  });
  const ordered = [...parsedAll].sort((a, b) => (a.parsed.meetingDate ?? "9999").localeCompare(b.parsed.meetingDate ?? "9999") || a.id.localeCompare(b.id));
  const pledges: (CorpusPledge & { candidate: PledgeCandidate })[] = [];
  const index = new Map<string, Set<number>>();
  for (const r of ordered) {
    for (const m of r.mentions) {
      const ids = new Set<number>();
      const { file: keys, look } = retrievalKeySets(m);
      if (options.everyPledge) pledges.forEach((_, id) => ids.add(id));
      else for (const k of look) for (const id of index.get(k) ?? []) ids.add(id);
      const decision = chooseLink(m, [...ids].map((id) => pledges[id].candidate));
      let id: number;
      if (decision) id = decision.pledgeId;
      else {
        id = pledges.length;
        pledges.push({
          key: `p${id}`, title: m.title, topic: m.topic, giver: m.giver, countryPair: m.countryPair, mentions: [],
          candidate: { id, title: m.title, topic: m.topic, giver: m.giver, countryPair: m.countryPair, linkKeys: [], phrases: [] },
        });
      }
      const p = pledges[id];
      p.mentions.push({ readoutId: r.id, mention: m, confidence: decision?.confidence ?? 1, reason: decision?.reason ?? "first mention" });
      p.candidate.phrases.push(m.phrase);
      for (const k of m.linkKeys) if (!p.candidate.linkKeys.includes(k)) p.candidate.linkKeys.push(k);
      for (const k of keys) {
        if (!index.has(k)) index.set(k, new Set());
        index.get(k)!.add(id);
      }
    }
  }
  return { readouts: parsedAll, pledges: pledges.map(({ candidate: _c, ...p }) => p) };
}
