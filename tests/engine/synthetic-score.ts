import { generateCorpus } from "@/server/synth/generate";
import { planCorpus } from "@/server/engine/plan-corpus";

export interface SynthFigures { precision: number; recall: number; predictedPairs: number; truePairs: number; matched: number; truthMentions: number }

/**
 * Pairwise link quality on a synthetic corpus whose truth is exact. A predicted mention stands
 * for the truth mention whose span it overlaps (one-to-one, largest overlap first); pairs are
 * counted across readouts, as for the gold sets.
 */
export function scoreSynthetic(meetings: number, seed: number, verbose = false): SynthFigures {
  const corpus = [...generateCorpus(meetings, seed)];
  const result = planCorpus(corpus.map((c) => ({ id: c.file, text: c.text })));
  const truthOf = new Map<string, string>();
  let truthMentions = 0;
  let matched = 0;
  const byFile = new Map(corpus.map((c) => [c.file, c]));
  for (const r of result.readouts) {
    const truth = byFile.get(r.id)!.truth.mentions;
    truthMentions += truth.length;
    const pairs: { o: number; t: number; p: number }[] = [];
    truth.forEach((t, ti) => r.mentions.forEach((m, pi) => {
      const o = Math.min(t.end, m.phraseEnd) - Math.max(t.start, m.phraseStart);
      if (o > 0) pairs.push({ o, t: ti, p: pi });
    }));
    pairs.sort((a, b) => b.o - a.o);
    const tu = new Set<number>();
    const pu = new Set<number>();
    for (const x of pairs) {
      if (tu.has(x.t) || pu.has(x.p)) continue;
      tu.add(x.t); pu.add(x.p); matched++;
      truthOf.set(`${r.id}#${r.mentions[x.p].phraseStart}`, truth[x.t].pledge);
    }
  }
  const clusterOf = new Map<string, string>();
  for (const p of result.pledges) for (const m of p.mentions) clusterOf.set(`${m.readoutId}#${m.mention.phraseStart}`, p.key);
  const ids = [...truthOf.keys()];
  const file = (id: string) => id.split("#")[0];
  let predPairs = 0, right = 0, truePairs = 0, found = 0;
  const wrong = new Map<string, number>();
  const missed = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const a = ids[i], b = ids[j];
    if (file(a) === file(b)) continue;
    const sameTruth = truthOf.get(a) === truthOf.get(b);
    const samePred = clusterOf.get(a) === clusterOf.get(b);
    if (samePred) { predPairs++; if (sameTruth) right++; else if (verbose) { const k = `${truthOf.get(a)}  ~  ${truthOf.get(b)}`; wrong.set(k, (wrong.get(k) ?? 0) + 1); } }
    if (sameTruth) { truePairs++; if (samePred) found++; else if (verbose) { const k = `${truthOf.get(a)}`; missed.set(k, (missed.get(k) ?? 0) + 1); } }
  }
  if (verbose) {
    console.log("false links:"); [...wrong].sort((x, y) => y[1] - x[1]).slice(0, 30).forEach(([k, n]) => console.log(`  ${n}  ${k}`));
    console.log("missed links:"); [...missed].sort((x, y) => y[1] - x[1]).slice(0, 30).forEach(([k, n]) => console.log(`  ${n}  ${k}`));
  }
  return { precision: truePairs && predPairs ? right / predPairs : 1, recall: truePairs ? found / truePairs : 1, predictedPairs: predPairs, truePairs, matched, truthMentions };
}

// `npx tsx tests/engine/synthetic-score.ts [meetings] [seed]` lists the commonest wrong and missed links.
if (process.argv[1]?.endsWith("synthetic-score.ts")) console.log(scoreSynthetic(Number(process.argv[2] ?? 300), Number(process.argv[3] ?? 21), true));
