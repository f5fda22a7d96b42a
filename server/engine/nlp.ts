import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * English tokens, parts of speech and lemmas from wink-nlp and its English model, which ships
 * inside its npm package (nothing is downloaded). Loaded once, on first use.
 */
let instance: ReturnType<typeof winkNLP> | null = null;
function nlp() {
  instance ??= winkNLP(model);
  return instance;
}

export interface Token { text: string; start: number; end: number; pos: string; lemma: string }

/** The tokens of `text` with their offsets into it. */
export function tagTokens(text: string): Token[] {
  const n = nlp();
  const doc = n.readDoc(text);
  const values = doc.tokens().out(n.its.value) as string[];
  const pos = doc.tokens().out(n.its.pos) as string[];
  // The lemma accessor needs the model's add-ons, which its typings do not carry.
  const lemmas = doc.tokens().out(n.its.lemma as unknown as typeof n.its.value) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const start = text.indexOf(values[i], at);
    if (start < 0) continue;
    at = start + values[i].length;
    out.push({ text: values[i], start, end: at, pos: pos[i], lemma: lemmas[i] });
  }
  return out;
}

/** Offsets where a verb in its -ing form starts ("supports Pakistan in safeguarding …, choosing …"). */
export function gerundStarts(text: string): Set<number> {
  return new Set(tagTokens(text).filter((t) => t.pos === "VERB" && /ing$/i.test(t.text)).map((t) => t.start));
}

/** Offsets where a verb in its base form starts: where a coordinated action can begin. */
export function baseVerbStarts(text: string): Set<number> {
  // The lemma is spelled the American way ("revitalize" for "revitalise").
  const base = (t: Token) => t.lemma === t.text.toLowerCase().replace(/is(e)?$/, "iz$1");
  const tokens = tagTokens(text);
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.pos !== "VERB" || !base(t)) return;
    out.add(t.start);
    // "…, and categorically stand against …": a manner adverb opens the verb phrase it modifies.
    const prev = tokens[i - 1];
    if (prev && prev.pos === "ADV" && /ly$/i.test(prev.text)) out.add(prev.start);
  });
  return out;
}
