import { readFileSync } from "node:fs";
import path from "node:path";
import { planCorpus, type CorpusResult } from "@/server/engine/plan-corpus";

export interface GoldFile {
  corpus: string;
  dir: string;
  readouts: { file: string; meetingDate: string | null; mentions: { phrase: string; key: string }[] }[];
}

export interface Figures {
  corpus: string;
  dates: { correct: number; total: number; wrong: string[] };
  mentions: { precision: number; recall: number; predicted: number; gold: number; matched: number };
  links: { precision: number; recall: number; predictedPairs: number; goldPairs: number };
  result: CorpusResult;
  unmatchedGold: string[];
  unmatchedPredicted: string[];
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export function loadGold(name: string): GoldFile {
  return JSON.parse(readFileSync(path.join(ROOT, "tests/gold", `${name}.json`), "utf8")) as GoldFile;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * Mentions: a predicted phrase counts when it overlaps a gold phrase of the same readout
 * (one-to-one, largest overlap first). Links: pairwise over mentions in different meetings —
 * precision over predicted same-pledge pairs whose both ends matched gold, recall over gold
 * same-pledge pairs whose both ends were found.
 */
export function evaluate(gold: GoldFile): Figures {
  const texts = gold.readouts.map((r) => ({ id: r.file, text: readFileSync(path.join(ROOT, gold.dir, r.file), "utf8") }));
  const result = planCorpus(texts);
  const clusterOf = new Map<string, string>(); // "file#phraseStart" → pledge key
  for (const p of result.pledges) for (const m of p.mentions) clusterOf.set(`${m.readoutId}#${m.mention.phraseStart}`, p.key);

  const wrong: string[] = [];
  let correct = 0;
  let matched = 0;
  let predicted = 0;
  let goldCount = 0;
  const unmatchedGold: string[] = [];
  const unmatchedPredicted: string[] = [];
  // gold mention id → predicted cluster
  const goldToCluster = new Map<string, string>();
  const goldKey = new Map<string, string>();
  const predToGoldKey = new Map<string, string>();
  for (const g of gold.readouts) {
    const r = result.readouts.find((x) => x.id === g.file)!;
    if (r.parsed.meetingDate === g.meetingDate) correct++;
    else wrong.push(`${g.file}: ${r.parsed.meetingDate} (gold ${g.meetingDate})`);
    const goldSpans = g.mentions.map((m, i) => {
      const s = r.text.indexOf(m.phrase);
      if (s < 0) throw new Error(`gold phrase not in ${g.file}: ${m.phrase}`);
      return { id: `${g.file}#g${i}`, s, e: s + m.phrase.length, key: m.key, phrase: m.phrase };
    });
    goldCount += goldSpans.length;
    predicted += r.mentions.length;
    const pairs: { o: number; gi: number; pi: number }[] = [];
    goldSpans.forEach((gs, gi) =>
      r.mentions.forEach((pm, pi) => {
        const o = Math.min(gs.e, pm.phraseEnd) - Math.max(gs.s, pm.phraseStart);
        if (o > 0) pairs.push({ o, gi, pi });
      }),
    );
    pairs.sort((a, b) => b.o - a.o);
    const gUsed = new Set<number>();
    const pUsed = new Set<number>();
    for (const p of pairs) {
      if (gUsed.has(p.gi) || pUsed.has(p.pi)) continue;
      gUsed.add(p.gi);
      pUsed.add(p.pi);
      matched++;
      const pm = r.mentions[p.pi];
      const pid = `${g.file}#${pm.phraseStart}`;
      goldToCluster.set(goldSpans[p.gi].id, clusterOf.get(pid)!);
      predToGoldKey.set(pid, goldSpans[p.gi].key);
    }
    goldSpans.forEach((gs, gi) => { goldKey.set(gs.id, gs.key); if (!gUsed.has(gi)) unmatchedGold.push(`${g.file}: ${gs.phrase}`); });
    r.mentions.forEach((pm, pi) => { if (!pUsed.has(pi)) unmatchedPredicted.push(`${g.file}: ${pm.phrase}`); });
  }

  // Pairwise links across meetings.
  const fileOf = (id: string) => id.split("#")[0];
  const goldIds = [...goldKey.keys()];
  let goldPairs = 0;
  let goldPairsFound = 0;
  for (let i = 0; i < goldIds.length; i++) {
    for (let j = i + 1; j < goldIds.length; j++) {
      const a = goldIds[i];
      const b = goldIds[j];
      if (fileOf(a) === fileOf(b) || goldKey.get(a) !== goldKey.get(b)) continue;
      if (!goldToCluster.has(a) || !goldToCluster.has(b)) continue;
      goldPairs++;
      if (goldToCluster.get(a) === goldToCluster.get(b)) goldPairsFound++;
    }
  }
  let predPairs = 0;
  let predPairsRight = 0;
  for (const p of result.pledges) {
    const ids = p.mentions.map((m) => `${m.readoutId}#${m.mention.phraseStart}`).filter((id) => predToGoldKey.has(id));
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (fileOf(ids[i]) === fileOf(ids[j])) continue;
        predPairs++;
        if (predToGoldKey.get(ids[i]) === predToGoldKey.get(ids[j])) predPairsRight++;
      }
    }
  }
  return {
    corpus: gold.corpus,
    dates: { correct, total: gold.readouts.length, wrong },
    mentions: { precision: ratio(matched, predicted), recall: ratio(matched, goldCount), predicted, gold: goldCount, matched },
    links: { precision: ratio(predPairsRight, predPairs), recall: ratio(goldPairsFound, goldPairs), predictedPairs: predPairs, goldPairs },
    result,
    unmatchedGold,
    unmatchedPredicted,
  };
}

export function formatFigures(f: Figures): string {
  const p = (x: number) => x.toFixed(2);
  return `${f.corpus.padEnd(15)} | dates ${f.dates.correct}/${f.dates.total} | mentions P ${p(f.mentions.precision)} R ${p(f.mentions.recall)} (${f.mentions.matched}/${f.mentions.predicted} pred, ${f.mentions.gold} gold) | links P ${p(f.links.precision)} R ${p(f.links.recall)} (${f.links.predictedPairs} pred pairs, ${f.links.goldPairs} gold pairs)`;
}
