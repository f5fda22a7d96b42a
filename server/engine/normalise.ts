import lexicon from "./lexicon.json" with { type: "json" };
import { countryOf, oneWordCountries } from "./gazetteer";
import { nounSense, nounSenses } from "./wordnet";

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
  "will", "should", "be", "is", "are", "it", "they", "them", "we", "our", "us", "you", "your", "i", "my", "been", "has", "have", "within",
  "between", "among", "trustworthy", "reliable", "partner", "neighbor", "brother", "major",
  "summarize", "set", "long-term", "foundation", "public", "opinion", "connotation", "enrich", "promptly",
  "coordinate", "improve", "good-neighborly", "pursue", "alway", "welcome", "encourage", "increased", "expanded", "capable",
  "expanding", "promoting", "following", "taking", "playing", "working", "helping", "strengthening", "safeguarding",
  "make", "good", "new", "support", "help", "provide", "increase", "build", "open", "hold", "establishment", "establish",
  // Relationship rhetoric, kept as data with the other domain words.
  ...lexicon.rhetoric,
]);

// Spelling variants and domain synonyms an analyst would accept as the same thing, kept as data
// (lexicon.json). Exports to a country are that country's imports, so both fold to one key; the
// "three forces" are one stream; a partner's core interests are one stream of political support.
const SYNONYMS: Record<string, string> = lexicon.synonyms;
// Multi-word equivalences (lexicon.json, phrases), read before the words are folded.
const PHRASES: [RegExp, string][] = lexicon.phrases.map((p) => [new RegExp(p.pattern, "gi"), p.as]);

function foldPhrases(phrase: string): string {
  let out = oneWordCountries(phrase);
  for (const [re, as] of PHRASES) out = out.replace(re, as);
  return out;
}

export function lemma(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, "").replace(/[^a-z0-9-]/g, "");
  if (!w) return "";
  if (SYNONYMS[w] !== undefined) return SYNONYMS[w];
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return SYNONYMS[w] ?? lexicalFold(w);
}

// The things the lexicon names ("drug", "railway", "program"). A noun folds to one of them when
// WordNet's most common sense of the noun spells it another way (a synonym sharing its first four
// letters: "programme" → program, "railroad" → railway), or is a kind of it and it has one sense
// only ("narcotic" → drug). A first sense outside the domain ("centre" as a French region) or a
// hypernym with many senses ("organization" as an act) would fold too much.
const DOMAIN_THINGS = new Set(Object.values(SYNONYMS).filter((v) => v && !v.includes("-")));
const folded = new Map<string, string>();

function lexicalFold(w: string): string {
  const hit = folded.get(w);
  if (hit !== undefined) return hit;
  let out = w;
  if (w.length > 3 && !GENERIC.has(w) && !DOMAIN_THINGS.has(w)) {
    const sense = nounSense(w);
    out =
      sense?.synonyms.find((s) => DOMAIN_THINGS.has(s) && s.slice(0, 4) === w.slice(0, 4)) ??
      sense?.hypernyms.find((s) => DOMAIN_THINGS.has(s) && nounSenses(s) === 1) ??
      w;
  }
  if (folded.size > 50_000) folded.clear();
  folded.set(w, out);
  return out;
}

// Derivational suffixes, longest first: "terrorist" and "terrorism", "industrial" and "industry",
// "regional" and "region", "transportation" and "transport" are the same evidence for linking.
const SUFFIXES: [RegExp, string][] = [
  [/(?:ization|isation)$/, ""], [/(?:ize|ise)$/, ""], [/itional$/, "it"], [/ational$/, ""], [/ional$/, "ion"], [/ation$/, ""],
  [/ition$/, "it"], [/ility$/, "il"], [/ity$/, ""], [/(?:ism|ist)$/, ""], [/ment$/, ""], [/ical$/, ""], [/ial$/, ""],
  [/ive$/, ""], [/al$/, ""], [/ic$/, ""], [/ing$/, ""], [/ed$/, ""], [/(?<=[^aeiou])y$/, ""], [/(?<=[^aeiou])e$/, ""],
];
const stemCache = new Map<string, string>();

/** A light suffix stemmer: folds inflections and derivations that mean the same object. */
export function stem(word: string): string {
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  let w = word.replace(/^(?:anti|counter|non)-(?=[a-z]{4})/, "");
  // "international" would otherwise meet "internal".
  if (!w.includes("-") && w.length > 4 && w !== "international") {
    for (const [re, rep] of SUFFIXES) {
      const m = re.exec(w);
      if (!m) continue;
      const base = w.slice(0, m.index) + rep;
      if (base.length >= 4) { w = base; break; }
    }
    // "region" (from "regional") and "tradition": a stripped -ion ends at the same stem either way.
    if (w.endsWith("ion") && w.length > 6) w = w.slice(0, -3);
  }
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, w);
  return w;
}

// Forms of generic verbs ("increasing", "expanded", "cooperative") are as generic as the verb.
const GENERIC_STEMS = new Set([...GENERIC].map((g) => stem(g)));
const VERBAL = /(?:ing|ed|ive|ion|ment)$/;

export interface KeyTerm { key: string; named: boolean }

/** Content terms of a phrase: lemmatised, synonyms folded, generic words and country names dropped. */
export function keyTerms(text: string): KeyTerm[] {
  const phrase = foldPhrases(text);
  const out: KeyTerm[] = [];
  const seen = new Set<string>();
  const re = /[A-Za-z][A-Za-z0-9'’-]*/g;
  let m: RegExpExecArray | null;
  let afterCountry = false;
  while ((m = re.exec(phrase))) {
    const raw = m[0];
    const parts = countryOf(raw) ? [raw] : raw.split(/-(?=[A-Z])/);
    // "to the Chinese market" only names the destination country.
    const destination = afterCountry && /^markets?$/i.test(raw);
    afterCountry = false;
    if (destination) continue;
    for (const part of parts) {
      if (countryOf(part.replace(/['’]s$/, ""))) { afterCountry = true; continue; }
      let l = lemma(part);
      // A capitalised word inside a phrase is part of a name ("the Bright Path programme"), not a
      // party's core interests.
      if (l === "core-interest" && /^[A-Z]/.test(part) && m.index > 0) l = part.toLowerCase();
      if (!l || GENERIC.has(l) || l.length < 3) continue;
      const k = stem(l);
      if (seen.has(k) || (VERBAL.test(l) && GENERIC_STEMS.has(k))) continue;
      seen.add(k);
      out.push({ key: k, named: /^[A-Z]/.test(part) });
    }
  }
  return out;
}

// Words that make a phrase a commitment but say nothing about which one: manner, pace, time and
// frame words. They stay in keyTerms (so the phrase is still a pledge) but are not link keys.
const LINK_WEAK = new Set(
  [
  "render", "steadfast", "foster", "growth", "force", "emerging", "high", "four", "three", "realize", "toward", "safeguard",
  "crack", "down", "combat", "fight", "prevent", "against", "pursue", "conduct", "focus", "inject", "strong", "impetus",
  "introduce", "start", "soon", "possible", "coming", "month", "next", "said", "under", "pretext", "unequivocally",
  "resolutely", "staunchly", "tapping", "potential", "leading", "law", "measure", "own", "line", "suit", "condition",
  "respect", "guard", "meet", "address", "decision", "join", "uphold", "put", "encourage", "attract", "create", "favorable",
  "volume", "through", "president", "minister", "meeting", "session", "number", "capable", "various", "hidden",
  "complete", "completion", "schedule", "ahead", "timely", "speed", ...lexicon.linkWeak,
].map((w) => stem(lemma(w))),
);
// "support each other", "mutual support", "their respective …": a reciprocal commitment is
// another pledge than the one-way commitment with the same words.
const RECIPROCAL = /\b(?:each other|one another|mutual(?:ly)? support|respective)\b/i;

export function linkKeysOf(phrase: string): string[] {
  const keys = keyTerms(phrase).map((t) => t.key).filter((k) => !LINK_WEAK.has(k));
  if (RECIPROCAL.test(phrase)) keys.push("mutual");
  return keys;
}

// "Chinese investment", "China's increased investment", "capable Chinese enterprises", "Russian
// investors": capital of one named country.
const INVESTOR = /\b([A-Z][A-Za-z]+)(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}?(?:investments?|investors?|companies|enterprises|firms|businesses|capital)\b/g;

// "encourage more domestic enterprises to invest in Tajikistan", "develop their businesses in
// Tajikistan": companies investing or doing business in one side are the other side's.
const INVESTING_IN = /\b(?:invest(?:s|ing|ment|ments)?|businesse?s?|operat(?:e|ions))\b[^,;]{0,30}?\bin\s+(?:the\s+)?([A-Z][A-Za-z]+)/;
const ACTOR = /\b(?:invest|investors?|companies|enterprises|firms|businesse?s?|capital)\b/i;

/** The country whose investment or companies a phrase is about, when it is one of `sides`. */
export function investorOf(text: string, sides: string[]): string | null {
  // "Sri Lankan companies", "investing in South Africa": a country in two words read as one.
  const phrase = oneWordCountries(text);
  for (const m of phrase.matchAll(INVESTOR)) {
    const c = countryOf(m[1]);
    if (c && sides.includes(c)) return c;
  }
  const into = INVESTING_IN.exec(phrase);
  const host = into ? countryOf(into[1]) : null;
  if (host && sides.length === 2 && sides.includes(host) && ACTOR.test(phrase)) return sides.find((c) => c !== host)!;
  return null;
}

const FAMILY = new Map<string, string>(
  Object.entries(lexicon.fieldFamilies as Record<string, string[]>).flatMap(([family, words]) => words.map((w) => [stem(lemma(w)), family] as [string, string])),
);

/** The field family a link key belongs to ("trade" → economy), if it is a policy field. */
export function fieldFamily(key: string): string | null {
  return FAMILY.get(key) ?? null;
}
