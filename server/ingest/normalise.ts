import { countryOf } from "./gazetteer";

// Words that carry no evidence of *which* commitment is meant: the verbs and frames every
// readout uses. They neither make a pledge nor link two mentions.
export const GENERIC = new Set([
  "deepen", "strengthen", "promote", "advance", "enhance", "expand", "further", "continue", "continuously", "jointly",
  "actively", "fully", "firmly", "steadfastly", "always", "also", "cooperation", "cooperate", "bilateral", "mutual",
  "mutually", "beneficial", "comprehensive", "strategic", "partnership", "relation", "relationship", "tie", "friendship",
  "friendly", "community", "shared", "future", "consensus", "common", "understanding", "important", "high-quality",
  "quality", "practical", "new", "closer", "close", "all-round", "various", "field", "area", "level", "result", "goal",
  "tradition", "fine", "good-neighborliness", "perspective", "view", "develop", "development", "heads", "head",
  "state", "reached", "experience", "successful", "year", "diplomatic", "seek", "work", "together", "with", "make",
  "progress", "deliver", "everlasting", "carry", "forward", "communication", "coordination", "collaboration", "exchange",
  "all", "point", "starting", "higher", "featuring", "solidarity", "benefit", "push", "lift", "implement", "construction",
  "effort", "smooth", "operation", "upgrade", "scale", "way", "full", "use", "play", "role", "platform", "such", "as",
  "including", "other", "country", "side", "two", "both", "each", "people", "peoples", "their", "its", "his", "her",
  "the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "from", "by", "at", "into", "with", "this", "that",
  "more", "greater", "great", "better", "timely", "early", "date", "step", "up", "speed", "accelerate", "well",
  "organized", "leveraged", "leverage", "give", "take", "part", "participate", "keep", "maintain", "achieve", "ensure",
  "every", "positive", "contribution", "contribute", "among", "others", "others", "so", "new era", "era", "any",
  "will", "should", "be", "is", "are", "it", "they", "them", "we", "our", "us", "been", "has", "have", "within",
  "between", "among", "trustworthy", "reliable", "partner", "neighbor", "brother", "major",
  "summarize", "set", "long-term", "foundation", "public", "opinion", "connotation", "enrich", "promptly",
  "coordinate", "improve", "good-neighborly", "pursue", "alway", "welcome", "encourage", "increased", "expanded", "capable",
  "expanding", "promoting", "following", "taking", "playing", "working", "helping", "strengthening", "safeguarding",
  "make", "good", "new", "support", "help", "provide", "increase", "build", "open", "hold", "establishment", "establish",
]);

const SYNONYMS: Record<string, string> = {
  farm: "agricultural", agriculture: "agricultural", agri: "agricultural", produce: "product", goods: "product",
  fruit: "agricultural", vegetable: "agricultural", centre: "center", programme: "program", organisation: "organization",
  export: "import", imports: "import", exporter: "import", purchase: "import", rail: "railway", railroad: "railway",
  vaccine: "covid-19", covid: "covid-19", pandemic: "covid-19", "anti-terrorism": "terrorism", terrorist: "terrorism",
  "counter-terrorism": "terrorism", extremism: "terrorism", separatism: "terrorism", scholarship: "scholarship",
  university: "university", tcm: "medicine", building: "build", theatre: "theater", favourable: "favorable",
  modernize: "modernization", modernise: "modernization", modernisation: "modernization", enterprise: "company",
  firm: "company", investment: "invest", investor: "invest", "e-commerce": "digital", digital: "digital",
  sino: "", "people-to-people": "people-to-people",
};

export function lemma(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, "").replace(/[^a-z0-9-]/g, "");
  if (!w) return "";
  if (SYNONYMS[w] !== undefined) return SYNONYMS[w];
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return SYNONYMS[w] ?? w;
}

export interface KeyTerm { key: string; named: boolean }

/** Content terms of a phrase: lemmatised, synonyms folded, generic words and country names dropped. */
export function keyTerms(phrase: string): KeyTerm[] {
  const out: KeyTerm[] = [];
  const seen = new Set<string>();
  const re = /[A-Za-z][A-Za-z0-9'’-]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(phrase))) {
    const raw = m[0];
    const parts = countryOf(raw) ? [raw] : raw.split(/-(?=[A-Z])/);
    for (const part of parts) {
      if (countryOf(part.replace(/['’]s$/, ""))) continue;
      const k = lemma(part);
      if (!k || GENERIC.has(k) || k.length < 3 || seen.has(k)) continue;
      seen.add(k);
      out.push({ key: k, named: /^[A-Z]/.test(part) });
    }
  }
  return out;
}

export function linkKeysOf(phrase: string): string[] {
  return keyTerms(phrase).map((t) => t.key);
}
