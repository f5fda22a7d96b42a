/**
 * Coreference within one readout: a commitment whose object only points back at something said
 * before ("Rosatom will submit its proposal", "provide financing for the Uzbek section", "speed up
 * the project") is about that earlier thing, and links as it does.
 *
 * Rule: the phrase names nothing itself, and its object is
 *   - a stand-in noun after a determiner or possessive: `its proposal`, `the project`, `this
 *     initiative`, `their offer` → the nearest earlier facility, project or named thing;
 *   - a part of a route: `the Uzbek section`, `this stretch` → the nearest earlier railway, road,
 *     corridor or pipeline;
 *   - a bare definite facility: `the plant`, `the centre`, `this railway` → the nearest earlier
 *     thing with the same head;
 *   - traffic on a route named in the same sentence, with no route of its own: `develop the
 *     North-South corridor and expand transit cargo traffic` → the corridor.
 * Antecedents are earlier mentions of the same readout and named institutions in the text, in the
 * same sentence or the two before it; the nearest one that fits wins. Linear in the mentions of one
 * readout.
 */
import { lemma, linkKeysOf, stem } from "./normalise";
import { memoised } from "./memo";
import { institutionsIn } from "./split-objects";

export interface Antecedent {
  /** The words of the mention that point back: "its proposal", "the Uzbek section". */
  anaphor: string;
  /** The earlier words they stand for: "build Kazakhstan's first nuclear power plant". */
  phrase: string;
}

type Kind = "stand-in" | "part" | "facility" | "traffic";
interface Anaphor { text: string; kind: Kind; head: string }

const stems = (words: string[]) => new Set(words.map((w) => stem(lemma(w))));

// Things a commitment can point back at: facilities, instruments and projects.
const THING = stems([
  "center", "workshop", "institute", "school", "university", "college", "plant", "railway", "highway", "road", "corridor",
  "pipeline", "park", "zone", "hospital", "committee", "bridge", "tunnel", "port", "airport", "station", "hub", "crossing",
  "checkpoint", "smelter", "laboratory", "academy", "project", "initiative", "program", "mine", "dam", "line", "cable",
]);
// Routes: what a section is part of, and what traffic runs on.
const ROUTE = stems(["railway", "highway", "road", "corridor", "pipeline", "route", "line", "cable", "bridge", "tunnel"]);
const TRANSPORT_ROUTE = stems(["railway", "highway", "road", "corridor", "route"]);

const DET = "(?:its|their|the|this|that|these|those|such)";
// "its proposal", "the project", "this initiative", "their joint offer", "its construction".
const STAND_IN = new RegExp(`\\b(${DET}\\s+(?:[\\w-]+\\s+)?(proposals?|offers?|bids?|projects?|initiatives?|plans?|schemes?|deals?|construction|implementation|operation|completion))\\b(?!\\s+(?:of|for|on|to)\\b)`, "i");
// "the Uzbek section", "this stretch", "the second phase".
const PART = new RegExp(`\\b(${DET}\\s+(?:[\\w-]+\\s+)?(sections?|segments?|stretch(?:es)?|legs?))\\b(?!\\s+(?:of|from|between)\\b)`, "i");
// "the plant", "this railway", "the new centre": a definite facility with at most one word before
// it and nothing after it that says which one.
const FACILITY = /\b(?:the|this|that|these|those)\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?/g;
const SPECIFIER = /^\s+(?:of|for|on|in|at|near|between|from)\b/;
// Traffic on a route: "transit cargo traffic", "freight flows", "transit shipments".
const TRAFFIC = /\b((?:(?:transit|cargo|freight|container)\s+)*(traffic|cargo|freight|shipments|transit))\b/i;

/** A capitalised multi-word name or a hyphenated compound: the phrase says what it is about. */
const NAMED = /\b[A-Z][\w'’]*(?:-[A-Z][\w'’]*)+\b|\b[A-Z][\w'’]+\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w'’]+|"[^"]{3,}"|“[^”]{3,}”/;

/** The words of a phrase that only point back at an earlier thing, or null. */
export const anaphorOf: (phrase: string) => Anaphor | null = memoised(findAnaphor);

function findAnaphor(phrase: string): Anaphor | null {
  if (NAMED.test(phrase) || institutionsIn(phrase).length) return null;
  const keys = linkKeysOf(phrase);
  const own = (text: string) => keys.filter((k) => THING.has(k) && !linkKeysOf(text).includes(k));
  let m = STAND_IN.exec(phrase);
  // "the safety of Chinese staff and their projects": the owner is named just before.
  const ownerBefore = m !== null && /^(?:its|their)\b/i.test(m[1]) && /\b[a-z]+s\s+and\s+$/i.test(phrase.slice(0, m.index));
  if (m && !ownerBefore && !own(m[1]).length) return { text: m[1], kind: "stand-in", head: stem(lemma(m[2])) };
  m = PART.exec(phrase);
  if (m && !own(m[1]).length) return { text: m[1], kind: "part", head: stem(lemma(m[2])) };
  for (const f of phrase.matchAll(FACILITY)) {
    // The head is the first word, or the second after one modifier ("the new centre").
    for (const [word, end] of [[f[1], f.index + f[0].indexOf(f[1]) + f[1].length], [f[2], f.index + f[0].length]] as const) {
      if (!word) continue;
      const head = stem(lemma(word));
      const text = phrase.slice(f.index, end);
      if (THING.has(head) && !SPECIFIER.test(phrase.slice(end)) && !own(text).length) return { text, kind: "facility", head };
    }
  }
  m = TRAFFIC.exec(phrase);
  if (m && !keys.some((k) => THING.has(k) || ROUTE.has(k))) return { text: m[1], kind: "traffic", head: stem(lemma(m[2])) };
  return null;
}

export interface AntecedentCandidate { phrase: string; keys: string[]; at: number; sentenceIndex: number; antecedent?: Antecedent }

function fits(a: Anaphor, keys: string[]): boolean {
  switch (a.kind) {
    case "stand-in": return keys.some((k) => THING.has(k));
    case "part": return keys.some((k) => ROUTE.has(k));
    case "facility": return keys.includes(a.head);
    case "traffic": return keys.some((k) => TRANSPORT_ROUTE.has(k));
  }
}

/** How many sentences back an antecedent may be: traffic leans only on its own sentence. */
const WINDOW: Record<Kind, number> = { "stand-in": 2, part: 2, facility: 2, traffic: 0 };

/**
 * The nearest earlier thing a phrase points back at. `earlier` holds the readout's mentions and
 * named things so far (offsets in the readout); `at` is where the phrase starts.
 */
export function resolveAntecedent(
  phrase: string,
  at: number,
  sentenceIndex: number,
  earlier: AntecedentCandidate[],
): { antecedent: Antecedent; keys: string[] } | null {
  const a = anaphorOf(phrase);
  if (!a) return null;
  let best: AntecedentCandidate | null = null;
  for (const c of earlier) {
    if (c.at >= at || (best && c.at <= best.at)) continue;
    if (c.sentenceIndex > sentenceIndex || sentenceIndex - c.sentenceIndex > WINDOW[a.kind]) continue;
    if (fits(a, c.keys)) best = c;
  }
  if (!best) return null;
  // A chain ("the project" → "its proposal" → the plant) ends at the first explicit wording.
  return { antecedent: { anaphor: a.text, phrase: best.antecedent?.phrase ?? best.phrase }, keys: best.keys };
}

// "the Vahdat-Yovon railway", "the Rogun hydropower plant": a hyphenated or capitalised name
// before the kind of thing it is.
const NAMED_THING = /\b[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?:\s+[a-z][\w-]*){0,2}?\s+(?:railway|highway|road|corridor|pipeline|bridge|tunnel|plant|station|dam|mine|park|zone|project)s?\b/g;

// "the Global Governance Initiative", "the Belt and Road Initiative": a named initiative.
const NAMED_INITIATIVE = /\b[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*\s+Initiative\b/g;

const NOT_A_NAME = /^(?:The|This|That|These|Those|A|An|Its|Their|Our|His|Her|Each|Every|Both|Such)\s/;

/** Named things in a sentence (institutions, named facilities), as antecedents for what follows. */
export function namedThingsIn(text: string, start: number, sentenceIndex: number): AntecedentCandidate[] {
  const out: AntecedentCandidate[] = [];
  const add = (phrase: string, i: number) => {
    const keys = linkKeysOf(phrase);
    if (keys.some((k) => THING.has(k) || ROUTE.has(k))) out.push({ phrase, keys, at: start + i, sentenceIndex });
  };
  let from = 0;
  for (const name of institutionsIn(text)) {
    const i = text.indexOf(name, from);
    if (i < 0) continue;
    from = i + name.length;
    add(name, i);
  }
  for (const m of text.matchAll(NAMED_THING)) if (!NOT_A_NAME.test(m[0])) add(m[0], m.index);
  for (const m of text.matchAll(NAMED_INITIATIVE)) add(m[0], m.index);
  return out.sort((a, b) => a.at - b.at);
}
