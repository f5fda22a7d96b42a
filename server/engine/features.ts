import { countryOf } from "./gazetteer";
import { namesOf, type Name } from "./names";
import { fieldFamily, investorOf, lemma, linkKeysOf, stem } from "./normalise";

// What the linker compares in a phrase: its keys weighed (objects against policy fields), its
// facilities and names, whether it is reciprocal, an investment flow's investor and fields, and
// the field family it belongs to or leads with.

// Policy fields: many different pledges share them, so they weigh half, and a field word alone
// never makes two commitments one. Written as words, compared as stems like the link keys.
export const AREA = stems([
  "trade", "invest", "economy", "security", "cultural", "energy", "digital", "technology", "stability", "peace", "people-to-people",
  "multilateral", "mechanism", "project", "product", "agricultural", "industry", "infrastructure", "transport", "logistics",
  "connectivity", "enforcement", "green", "education", "mining", "mineral", "resource", "health", "humanitarian", "artificial",
  "intelligence", "e-commerce", "information", "company", "tourism", "import", "global", "region", "nation", "science",
  "innovation", "sub-national",
]);
// Facilities, instruments and events: a pledge about one is not a pledge about an activity in the
// same field ("cultural centres" vs "cultural exchanges"), nor about another facility.
export const FACILITY = stems([
  "center", "workshop", "institute", "school", "university", "college", "plant", "railway", "highway", "corridor", "pipeline",
  "park", "zone", "hospital", "committee", "memorandum", "document", "branch", "summit", "day", "flight", "scholarship",
  "crossing", "checkpoint", "agreement", "plan", "exhibition", "expo", "station", "hub", "cable", "smelter", "laboratory",
  "academy", "bridge", "port", "airport", "forum", "festival",
]);
/** Investing and companies: the actors of a flow, not its fields. */
export const FLOW_ACTOR = new Set(["invest", "company"].map((w) => stem(lemma(w))));

export function stems(words: string[]): Set<string> {
  return new Set(words.map((w) => stem(lemma(w))));
}

export interface Features {
  keys: string[];
  weights: Map<string, number>;
  weight: number;
  objects: string[];
  facilities: string[];
  names: Name[];
  reciprocal: boolean;
  words: Map<string, string>;
  /** The investing side when the phrase is about one side's investment or companies. */
  investor: string | null;
  /** The policy fields such an investment goes to ("industrial"). */
  fields: string[];
  /** Keys said only as examples (after "including", "such as"). */
  examples: Set<string>;
  /** The one field family all the keys belong to, if there is one. */
  family: string | null;
  /** The field family the phrase leads with, if any. */
  lead: string | null;
}

// "products …, including fruits, vegetables, textiles": examples illustrate the commitment;
// they support a link but do not make it a different object.
const EXAMPLES = /\b(?:including|such\s+(?:\w+\s+)?as|especially|in particular|among them)\b/i;
const TIME = stems(["meeting", "session", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "spring", "summer", "autumn", "winter", "volume", "through", "president", "minister"]);

const PLAN = stem(lemma("plan"));
const PLAN_FOR = /\bplans?\s+(?:for|of|to\s+(?:build|create|develop|construct))\b/i;

const cache = new Map<string, Features>();

export function features(phrase: string, pair: string, given?: string[], antecedent?: string): Features {
  const id = `${pair}\u0000${phrase}`;
  if (!given) {
    const hit = cache.get(id);
    if (hit) return hit;
  }
  const sides = pair.split("|");
  // "provide financing for the Uzbek section" names what its antecedent names.
  const names = [...namesOf(phrase, sides), ...(antecedent ? namesOf(antecedent, sides) : [])];
  const words = new Map<string, string>();
  const minor = new Set<string>();
  const inName = new Set(names.flatMap((n) => n.tokens));
  const ex = EXAMPLES.exec(phrase);
  const re = /[A-Za-z][A-Za-z0-9'’-]*/g;
  let m: RegExpExecArray | null;
  const extra: string[] = [];
  const before = new Set<string>();
  const examples = new Set<string>();
  while ((m = re.exec(phrase))) {
    const w = m[0];
    const s = stem(lemma(w));
    if (!words.has(s)) words.set(s, w.toLowerCase());
    // A lone capitalised word is a place or a person ("in Dushanbe", "Rosatom"): where or who, not what.
    if (/^[A-Z][a-z]/.test(w) && !inName.has(s)) minor.add(s);
    // "Confidence-Building" is keyed by its parts too.
    for (const k of [s, ...(w.includes("-") ? w.split("-").map((x) => stem(lemma(x))) : [])]) (ex && m.index > ex.index ? examples : before).add(k);
    // A third country is what the pledge is about ("the Afghan issue").
    const c = countryOf(w.replace(/['’]s$/, ""));
    if (c && !sides.includes(c) && !extra.includes(c.toLowerCase())) extra.push(c.toLowerCase());
  }
  const keys = [...(given ?? linkKeysOf(phrase)).filter((k) => !TIME.has(k)), ...extra];
  // A word also said before the examples is no example.
  for (const k of examples) if (before.has(k)) examples.delete(k);
  for (const k of examples) minor.add(k);
  // "plans for a China-Pakistan economic corridor": a plan for a thing is that thing's pledge.
  const planFor = PLAN_FOR.test(phrase) && (names.length > 0 || keys.some((k) => k !== PLAN && FACILITY.has(k)));
  if (planFor) minor.add(PLAN);
  for (const k of keys) if (AREA.has(k)) minor.add(k);
  const weight = (k: string) => (minor.has(k) ? 0.5 : 1);
  const f: Features = {
    keys,
    weights: new Map(keys.map((k) => [k, weight(k)])),
    weight: keys.reduce((t, k) => t + weight(k), 0),
    objects: keys.filter((k) => !minor.has(k)),
    facilities: keys.filter((k) => FACILITY.has(k) && !(k === PLAN && planFor)),
    names,
    reciprocal: keys.includes("mutual"),
    words,
    investor: investorOf(phrase, sides),
    fields: keys.filter((k) => AREA.has(k) && !FLOW_ACTOR.has(k)),
    examples,
    family: oneFamily(keys, /\w,\s+\w/.test(phrase)),
    lead: leadOf(phrase, keys),
  };
  if (cache.size > 20_000) cache.clear();
  if (!given) cache.set(id, f);
  return f;
}

/**
 * The family of the first field word that names an area, in the phrase's order. A field adjective
 * that qualifies another thing ("commercial nuclear", "economic corridor") describes that thing
 * and does not lead: the thing does.
 */
function leadOf(phrase: string, keys: string[]): string | null {
  const words = [...phrase.matchAll(/[A-Za-z][A-Za-z0-9'’-]*/g)].map((m) => m[0]);
  for (let i = 0; i < words.length; i++) {
    const k = stem(lemma(words[i]));
    const family = keys.includes(k) ? fieldFamily(k) : null;
    if (!family) continue;
    const next = words[i + 1] ? stem(lemma(words[i + 1])) : null;
    if (/(?:al|ic)$/i.test(words[i]) && next && keys.includes(next) && !fieldFamily(next) && !AREA.has(next)) continue;
    return family;
  }
  return null;
}

/** The one field family every key of a phrase belongs to, if there is one. A listed run of two or
 *  more fields of one family keeps it past a field of no family ("culture, education, sub-national
 *  and other fields"). */
function oneFamily(keys: string[], listed: boolean): string | null {
  const known = keys.map(fieldFamily).filter((f): f is string => f !== null);
  const found = new Set(known);
  if (found.size !== 1) return null;
  if (known.length === keys.length) return known[0];
  return listed && known.length >= 2 && keys.every((k) => fieldFamily(k) || AREA.has(k)) ? known[0] : null;
}
