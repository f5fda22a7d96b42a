import path from "node:path";
import type { exportDocument } from "@/server/export/export-pledges";
import type { GoldReadout } from "./gold";
import { titleFlaw } from "@/server/engine/titles";

export type ExportDoc = Awaited<ReturnType<typeof exportDocument>>;

export interface Figures {
  readouts: number;
  dates: { correct: number; total: number; refused: number; wrong: string[] };
  mentions: { precision: number; recall: number; predicted: number; gold: number; matched: number };
  /** Pairs of mentions in different meetings that belong to one pledge. `recall` counts every gold
   *  pair; `recallFound` only pairs whose two mentions were both found. */
  links: { precision: number; recall: number; recallFound: number; predictedPairs: number; goldPairs: number; goldPairsFound: number };
  bcubed: { precision: number; recall: number; f1: number };
  firstMentions: { correct: number; total: number };
  /** Stored pledges whose mentions come from readouts of more than one partner country. */
  mixedPartners: number;
  /** Stored pledges none of whose mentions is a gold mention, and mentions on an annotated non-pledge. */
  notPledges: { stored: number; unmatched: number; share: number; onAnnotated: number };
  /** Stored titles cut off with an ellipsis. */
  titlesCut: number;
  /** Stored titles that are fragments: not led by a verb, or ending on a word that leaves them hanging. */
  titlesFragment: number;
  fragmentTitles: string[];
  missed: string[];
  spurious: string[];
  /** Gold pairs across meetings whose two mentions were found but stored on different pledges. */
  unlinked: string[];
  /** Pairs stored on one pledge that the gold keeps apart. */
  wrongLinks: string[];
}

interface Predicted { id: number; pledgeId: number; start: number; end: number; phrase: string; file: string }
interface GoldSpan { id: string; file: string; start: number; end: number; key: string; phrase: string; date: string | null; partner: string | undefined }

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Where a gold phrase sits in its readout; a phrase that is not there is an error in the gold. */
function locate(text: string, phrase: string, file: string): number {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`gold phrase not found in ${file}: "${phrase}"`);
  return at;
}

/**
 * Scores what ingestion stored (the export) against gold readouts. A stored mention counts when its
 * phrase overlaps a gold phrase of the same readout (one-to-one, largest overlap first).
 */
export function scoreExport(gold: GoldReadout[], texts: Map<string, string>, doc: ExportDoc): Figures {
  const files = new Set(gold.map((g) => g.file));
  const meetingOf = new Map<number, { file: string; date: string | null }>();
  for (const m of doc.meetings) {
    const file = path.basename(m.source);
    if (files.has(file)) meetingOf.set(m.id, { file, date: m.date });
  }
  const storedByFile = new Map([...meetingOf.values()].map((m) => [m.file, m]));
  const predicted = new Map<string, Predicted[]>();
  const pledgeTitle = new Map<number, string>();
  const pledgeFirst = new Map<number, string | null>();
  for (const p of doc.pledges) {
    pledgeTitle.set(p.id, p.title);
    pledgeFirst.set(p.id, p.firstMention.date);
    for (const m of p.mentions) {
      const meeting = meetingOf.get(m.meetingId);
      if (!meeting) continue;
      const list = predicted.get(meeting.file) ?? [];
      list.push({ id: m.id, pledgeId: p.id, start: m.phraseStart, end: m.phraseEnd, phrase: m.phrase, file: meeting.file });
      predicted.set(meeting.file, list);
    }
  }

  const dates = { correct: 0, total: gold.length, refused: 0, wrong: [] as string[] };
  const spans: GoldSpan[] = [];
  const matchOf = new Map<string, Predicted>(); // gold span id → stored mention
  const keyOfPredicted = new Map<number, string>(); // stored mention id → gold key
  const missed: string[] = [];
  const spurious: string[] = [];
  let onAnnotated = 0;
  let predictedCount = 0;
  for (const g of gold) {
    const text = texts.get(g.file)!;
    const stored = storedByFile.get(g.file);
    if (!stored) {
      dates.refused++;
      dates.wrong.push(`${g.file}: refused (gold ${g.meetingDate})`);
    } else if (stored.date === g.meetingDate) dates.correct++;
    else dates.wrong.push(`${g.file}: ${stored.date} (gold ${g.meetingDate})`);

    const own = g.mentions.map((m, i) => {
      const start = locate(text, m.phrase, g.file);
      return { id: `${g.file}#${i}`, file: g.file, start, end: start + m.phrase.length, key: m.key, phrase: m.phrase, date: g.meetingDate, partner: g.partner };
    });
    spans.push(...own);
    const preds = predicted.get(g.file) ?? [];
    predictedCount += preds.length;
    const pairs: { o: number; gi: number; pi: number }[] = [];
    own.forEach((s, gi) =>
      preds.forEach((p, pi) => {
        const o = Math.min(s.end, p.end) - Math.max(s.start, p.start);
        if (o > 0) pairs.push({ o, gi, pi });
      }),
    );
    pairs.sort((a, b) => b.o - a.o || a.gi - b.gi || a.pi - b.pi);
    const gUsed = new Set<number>();
    const pUsed = new Set<number>();
    for (const { gi, pi } of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.add(gi);
      pUsed.add(pi);
      matchOf.set(own[gi].id, preds[pi]);
      keyOfPredicted.set(preds[pi].id, own[gi].key);
    }
    own.forEach((s, gi) => gUsed.has(gi) || missed.push(`${g.file}: ${s.phrase}`));
    // A rejected phrase the saved page cuts off only counts as absent: it can be neither stored nor missed.
    const notPledgeSpans = (g.notPledges ?? []).filter((ph) => text.includes(ph)).map((ph) => ({ start: text.indexOf(ph), len: ph.length }));
    preds.forEach((p, pi) => {
      if (pUsed.has(pi)) return;
      spurious.push(`${g.file}: ${p.phrase}`);
      if (notPledgeSpans.some((n) => Math.min(n.start + n.len, p.end) > Math.max(n.start, p.start))) onAnnotated++;
    });
  }

  // Pairwise links across meetings.
  let goldPairs = 0;
  let goldPairsFound = 0;
  let goldPairsLinked = 0;
  const unlinked: string[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i];
      const b = spans[j];
      if (a.file === b.file || a.key !== b.key) continue;
      goldPairs++;
      const ma = matchOf.get(a.id);
      const mb = matchOf.get(b.id);
      if (!ma || !mb) continue;
      goldPairsFound++;
      if (ma.pledgeId === mb.pledgeId) goldPairsLinked++;
      else unlinked.push(`${a.key}: "${ma.phrase}" [${a.file}] ≠ "${mb.phrase}" [${b.file}]`);
    }
  }
  const byPledge = new Map<number, Predicted[]>();
  for (const list of predicted.values()) for (const p of list) byPledge.set(p.pledgeId, [...(byPledge.get(p.pledgeId) ?? []), p]);
  let predPairs = 0;
  let predPairsRight = 0;
  const wrongLinks: string[] = [];
  for (const members of byPledge.values()) {
    const matched = members.filter((m) => keyOfPredicted.has(m.id));
    for (let i = 0; i < matched.length; i++) {
      for (let j = i + 1; j < matched.length; j++) {
        if (matched[i].file === matched[j].file) continue;
        predPairs++;
        if (keyOfPredicted.get(matched[i].id) === keyOfPredicted.get(matched[j].id)) predPairsRight++;
        else wrongLinks.push(`"${matched[i].phrase}" [${keyOfPredicted.get(matched[i].id)}, ${matched[i].file}] = "${matched[j].phrase}" [${keyOfPredicted.get(matched[j].id)}, ${matched[j].file}]`);
      }
    }
  }

  // B-cubed over every gold mention; one that was not found is a cluster of its own.
  const clusterOf = (s: GoldSpan) => {
    const m = matchOf.get(s.id);
    return m ? `p${m.pledgeId}` : `missed:${s.id}`;
  };
  let bp = 0;
  let br = 0;
  for (const s of spans) {
    const c = clusterOf(s);
    const sameCluster = spans.filter((t) => clusterOf(t) === c);
    const sameKey = spans.filter((t) => t.key === s.key);
    const both = sameCluster.filter((t) => t.key === s.key).length;
    bp += both / sameCluster.length;
    br += both / sameKey.length;
  }
  const bPrecision = ratio(bp, spans.length);
  const bRecall = ratio(br, spans.length);

  // First mentions: the stored pledge of each gold pledge's earliest mention starts on its date.
  const firstMentions = { correct: 0, total: 0 };
  const keys = new Map<string, GoldSpan[]>();
  for (const s of spans) keys.set(s.key, [...(keys.get(s.key) ?? []), s]);
  for (const members of keys.values()) {
    firstMentions.total++;
    const earliest = [...members].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""))[0];
    const m = matchOf.get(earliest.id);
    if (m && pledgeFirst.get(m.pledgeId) === earliest.date) firstMentions.correct++;
  }

  const partnerOf = new Map(gold.map((g) => [g.file, g.partner]));
  let mixedPartners = 0;
  let unmatchedPledges = 0;
  let titlesCut = 0;
  const fragmentTitles: string[] = [];
  for (const [id, members] of byPledge) {
    if (new Set(members.map((m) => partnerOf.get(m.file)).filter(Boolean)).size > 1) mixedPartners++;
    if (!members.some((m) => keyOfPredicted.has(m.id))) unmatchedPledges++;
    if (/(?:…|\.\.\.)\s*$/.test(pledgeTitle.get(id) ?? "")) titlesCut++;
    else {
      const flaw = titleFlaw(pledgeTitle.get(id) ?? "");
      if (flaw) fragmentTitles.push(`"${pledgeTitle.get(id)}": ${flaw}`);
    }
  }
  const matched = matchOf.size;
  return {
    readouts: gold.length,
    dates,
    mentions: { precision: round(ratio(matched, predictedCount)), recall: round(ratio(matched, spans.length)), predicted: predictedCount, gold: spans.length, matched },
    links: {
      precision: round(ratio(predPairsRight, predPairs)),
      recall: round(ratio(goldPairsLinked, goldPairs)),
      recallFound: round(ratio(goldPairsLinked, goldPairsFound)),
      predictedPairs: predPairs,
      goldPairs,
      goldPairsFound,
    },
    bcubed: { precision: round(bPrecision), recall: round(bRecall), f1: round(bPrecision + bRecall === 0 ? 0 : (2 * bPrecision * bRecall) / (bPrecision + bRecall)) },
    firstMentions,
    mixedPartners,
    notPledges: { stored: byPledge.size, unmatched: unmatchedPledges, share: round(ratio(unmatchedPledges, byPledge.size || 1) * (byPledge.size ? 1 : 0)), onAnnotated },
    titlesCut,
    titlesFragment: fragmentTitles.length,
    fragmentTitles,
    missed,
    spurious,
    unlinked,
    wrongLinks,
  };
}
