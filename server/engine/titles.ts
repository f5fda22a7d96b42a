import { stripBidiControls } from "@/lib/bidi";
import { tagTokens } from "./nlp";
import { memoised } from "./memo";
import { specificityOf } from "./specificity";

const ADVERBS = /^(?:(?:further|continuously|actively|firmly|fully|steadfastly|staunchly|unequivocally|resolutely|promptly|also|jointly|always|still|as always,?|as well|and|vigorously|closely|well|better)\s+)+/i;

// "accelerate the building of a Luban Workshop" → "Build a Luban Workshop": the analyst's title
// names the action, not the pace.
const NOMINAL: [RegExp, string][] = [
  [/^(?:accelerate|speed up|step up|push forward|advance)\s+(?:efforts to promote\s+)?(?:the\s+)?(?:building|construction) of\s+/i, "Build "],
  [/^(?:accelerate|speed up|step up|push forward|advance)\s+(?:efforts to promote\s+)?(?:the\s+)?establishment of\s+/i, "Establish "],
  [/^(?:accelerate|speed up|step up|push forward|advance)\s+(?:efforts to promote\s+)?(?:the\s+)?opening of\s+/i, "Open "],
  [/^(?:continue\s+)?the smooth operation of\s+/i, "Operate "],
  [/^(?:the\s+)?timely completion of\s+/i, "Complete "],
  [/^(?:(?:in|to)\s+)?(?:the\s+)?(?:building|construction) of\s+/i, "Build "],
  // "… and in the modernization of the grid": a nominal action is titled by its verb.
  [/^(?:(?:in|to)\s+)?(?:the\s+)?modernization of\s+/i, "Modernize "],
  [/^(?:(?:in|to)\s+)?(?:the\s+)?establishment of\s+/i, "Establish "],
  [/^(?:(?:in|to)\s+)?(?:the\s+)?implementation of\s+/i, "Implement "],
  [/^(?:(?:in|to)\s+)?(?:the\s+)?(?:signing|conclusion) of\s+/i, "Sign "],
  [/^(?:(?:in|to)\s+)?(?:the\s+)?expansion of\s+/i, "Expand "],
  [/^(?:increasing|increased|expanded)\s+/i, "Increase "],
  // "stronger people-to-people exchanges", "closer cooperation at the local level": a goal told as
  // a noun phrase gets the verb that pursues it.
  [/^(?=(?:stronger|closer|deeper|greater|broader|wider|further)\s|cooperation\b(?!.*\b(?:to|will|should|must|needs? to|shall) be\b))/i, "Pursue "],
];

const THIRD_PERSON: Record<string, string> = { adheres: "adhere", sticks: "stick", opposes: "oppose", encourages: "encourage", supports: "support", welcomes: "welcome", welcomed: "welcome", expanding: "expand", strengthening: "strengthen" };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A short, readable title for a pledge, built from the pledge's own words. */
export function makeTitle(phrase: string, namedItem?: { name: string; governing: string }): string {
  if (namedItem) return capitalise(stripBidiControls(`${governingVerb(namedItem.governing)} the ${namedItem.name.replace(/^the\s+/i, "")}`));
  let t = stripBidiControls(phrase).replace(/\s+/g, " ").trim().replace(/^(?:to|that)\s+/i, "");
  // "Pakistan can enhance its efforts …": the title is the action, not who says it.
  t = t.replace(/^(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|the two (?:sides|countries)|both (?:sides|countries))\s+(?:can|could|will|would|should|must|shall)\s+(?=[a-z])/, "");
  t = t.replace(ADVERBS, "");
  // "gradually resume …", "steadily advance …": any manner adverb before the verb goes too.
  for (let lead = /^[a-z]+ly\s/i.test(t) ? tagTokens(`They will ${t}`)[2] : undefined; lead && lead.pos === "ADV" && /^[a-z]+ly$/i.test(lead.text) && t.split(" ").length > 2; lead = /^[a-z]+ly\s/i.test(t) ? tagTokens(`They will ${t}`)[2] : undefined) {
    t = t.slice(lead.text.length).trimStart();
  }
  for (const [re, rep] of NOMINAL) if (re.test(t)) { t = t.replace(re, rep); break; }
  t = t.replace(/^(\w+)/, (w) => THIRD_PERSON[w.toLowerCase()] ?? w);
  // "Pakistan firmly sticks to the one-China principle": a standing policy told in the present.
  if (/^[a-z]+s\s/i.test(t) && !THIRD_PERSON[t.split(" ")[0].toLowerCase()]) {
    const lead = tagTokens(`They ${t}`)[1];
    if (lead && lead.pos === "VERB" && lead.lemma && lead.lemma !== lead.text.toLowerCase()) t = lead.lemma + t.slice(lead.end - 5);
  }
  // "supports and actively participates in …": the verb after "and" in its base form too.
  t = t.replace(/^(\w+\s+and\s+(?:\w+ly\s+)?)([a-z]+s)\b/i, (all, before: string, verb: string) => {
    if (THIRD_PERSON[verb.toLowerCase()]) return before + THIRD_PERSON[verb.toLowerCase()];
    const lead = tagTokens(`They ${verb}`)[1];
    return lead && lead.pos === "VERB" && lead.lemma && lead.lemma !== verb.toLowerCase() ? before + lead.lemma : all;
  });
  // "reaffirmed support for each other on …": the support is the action.
  t = t.replace(/^support (?:for|to|of)\s+(?=each other|one another|[A-Z]|the\s)/i, "support ");
  // "reaffirming their mutual support on core issues": backing each other is the action.
  t = t.replace(/^mutual support\s+(?=on|in|for)\b/i, "support each other ");
  // "choosing its own development path" (one of a list of gerunds): the verb in its base form.
  if (/^[a-z]+ing\b/i.test(t)) {
    const lead = tagTokens(t)[0];
    if (lead && lead.pos === "VERB" && lead.lemma && lead.lemma !== lead.text.toLowerCase()) t = lead.lemma + t.slice(lead.end);
  }
  // "two-way trade will reach US$6 billion by 2020": the analyst tracks raising it to the target.
  // Only a number is a target: "make efforts to reach consensus" stays as it is.
  const target = /^(?:the\s+)?(.+?)\s+(?:will|would|should)\s+(reach|exceed|hit|surpass|top|double|triple)\s+(.*\d.*)$/i.exec(t);
  if (target) {
    const verb = target[2].toLowerCase();
    t = verb === "double" || verb === "triple" ? `${verb} ${target[1]} ${target[3]}` : `raise ${target[1]} ${verb === "reach" || verb === "hit" ? "to" : "above"} ${target[3]}`;
  }
  // "the visa exemption agreement will take effect": the analyst tracks bringing it into force.
  const inForce = /^(?:the\s+|an?\s+)?(.+?)\s+to\s+(?:take|come into|enter into)\s+(?:effect|force)\b/i.exec(t);
  if (inForce) t = `bring the ${inForce[1]} into force`;
  // "the Chinese Culture Day to be held this autumn": the passive told as the action.
  const passive = /^(the\s+)?(.+?)\s+(?:to be|will be|is to be|are to be|should be|must be|needs? to be|shall be)\s+(?:\w+ly\s+)?([a-z]+)\b,?\s*(.*)$/i.exec(t);
  if (passive) {
    const verb = tagTokens(`It was ${passive[3]}`)[2];
    if (verb && verb.pos === "VERB" && verb.lemma) t = `${verb.lemma} ${passive[1] ? "the " : ""}${passive[2]}${passive[4] ? ` ${passive[4]}` : ""}`;
  }
  // One sentence only: an excerpt that ran on into the next ("… for this sphere. Favorable …").
  const runOn = /[.;!?]\s+(?=[A-Z"“])/.exec(t);
  if (runOn && runOn.index > 10) t = t.slice(0, runOn.index);
  t = t.replace(/\b(?:its|their)\s+(imports?|exports?)\b/i, "$1").replace(/\bChina['’]s firm support for\b/, "Support");
  // Cut long phrases at a natural boundary, never mid-name.
  const words = t.split(" ");
  if (words.length > 12) {
    const cut = t.search(/,\s|\s(?:so as|in order|to help|between the two|in an all-round way|including|such as|especially)\b/);
    t = cut > 20 && cut < 100 ? t.slice(0, cut) : shorten(words);
    if (t.split(" ").length > 12) t = shorten(t.split(" "));
  }
  t = trimDangling(t.replace(/[\s,;:.]+$/, "").split(" ")).join(" ");
  // "more direct flights between the two countries", "the memorandum on green mining": a goal told
  // as a noun phrase, with no verb anywhere, gets the verb that pursues it.
  if (!/\b(?:should|will|would|must|can|shall|is|are|be|been|has|have)\b/i.test(t) && flawOf(capitalise(t)) === "not led by a verb") t = `pursue ${t.replace(/^(?:The|A|An|More)\b/, (w) => w.toLowerCase())}`;
  return capitalise(t);
}

// Words a title cannot end on: it would read as cut off (function words, and adjectives that need
// their complement: "a path suited", "projects related").
const DANGLING = /^(?:of|the|a|an|and|or|in|on|at|to|for|with|by|from|into|under|over|through|against|about|within|without|towards?|any|all|every|some|its|their|his|her|such|as|between|among|including|other|more|both|each|new|suited|related|according|due|aimed|based|conducive|committed|able|devoted|dedicated|regarding|concerning)$/i;

// Words after which a title reads as cut off, beyond function words: a clause or comparison
// opener, or an adjective waiting for its noun.
const OPENS_CLAUSE = /^(?:before|after|that|which|who|whose|where|when|while|unless|until|accordance|than|so|order|political|economic|social|national|international|regional|bilateral|multilateral|strategic|cultural)$/i;

/**
 * The first ten words, then back to the last word that can end a phrase, never inside a name
 * ("the Conference on Interaction and …" goes whole or not at all) and never on a gerund waiting for
 * its object ("in promoting"); never an ellipsis.
 */
function shorten(words: string[]): string {
  let n = 10;
  // A capitalised name running across the cut: keep it whole when it ends within three more
  // words, else stop before it.
  const inName = (i: number) => /^[A-Z"“]/.test(words[i] ?? "") || (/^(?:of|for|on|and|the)$/.test(words[i] ?? "") && /^[A-Z]/.test(words[i + 1] ?? "") && /^[A-Z]/.test(words[i - 1] ?? ""));
  if (inName(n - 1) && inName(n)) {
    let end = n;
    while (end < words.length && inName(end)) end++;
    if (end <= n + 3) n = end;
    else {
      while (n > 3 && inName(n - 1)) n--;
    }
  }
  // "… free trade | agreement": a noun compound running across the cut ends within two words, or
  // the title stops before it.
  if (n === 10 && words.length > n && !/[,;:]$/.test(words[n - 1])) {
    const tags = tagTokens(words.slice(0, n + 2).join(" "));
    const posOf = (i: number) => tags.find((t) => t.text === words[i].replace(/[,;:.]+$/, ""))?.pos;
    const nounish = (i: number) => ["NOUN", "PROPN", "ADJ"].includes(posOf(i) ?? "");
    if (nounish(n - 1) && posOf(n) === "NOUN") {
      let end = n + 1;
      while (end < Math.min(words.length, n + 2) && posOf(end) === "NOUN" && !/[,;:]$/.test(words[end - 1])) end++;
      n = end;
    }
  }
  return trimDangling(words.slice(0, n).map((w) => w.replace(/[,;:]+$/, "")), true).join(" ");
}

/**
 * Drops trailing words a title cannot end on ("… aimed at political"); where the title was cut,
 * also a gerund that waited for its object ("… in promoting"), which a whole phrase's last word
 * ("cooperation on mining") is not.
 */
function trimDangling(words: string[], cut = false): string[] {
  const kept = [...words];
  const dangling = (w: string) =>
    DANGLING.test(w) ||
    OPENS_CLAUSE.test(w) ||
    // "… for Sri Lanka's": a possessive waits for its noun.
    /['’]s$/.test(w) ||
    // "… cooperation in areas": the areas were the list that followed.
    (/^(?:areas|fields|sectors|spheres|domains)$/i.test(w) && /^(?:in|such)$/i.test(kept[kept.length - 2] ?? "")) ||
    (cut && /^[a-z]+ing$/.test(w) && DANGLING.test(kept[kept.length - 2] ?? ""));
  while (kept.length > 3 && dangling(kept[kept.length - 1])) {
    const gone = kept.pop()!;
    // A possessive name goes whole: "… for Sri Lanka's" → "…".
    if (/^[A-Z].*['’]s$/.test(gone)) while (kept.length > 3 && /^[A-Z]/.test(kept[kept.length - 1])) kept.pop();
  }
  return kept;
}

// Verbs the tagger may read as another part of speech at the head of a title ("welcome", "open up").
const KNOWN_LEAD = /^(?:welcome|complete|open|spare|host|face|mark|step|stand|respect|support|import|export|increase|upgrade|study|visit|plan|design|fund|finance|staff|pilot|trial)$/i;

/**
 * Why a title is not one an analyst would write, or null: cut off with an ellipsis, not led by a
 * verb (a subject or a noun phrase left without its action), or ending on a word that leaves it
 * hanging. The evaluation counts such titles.
 */
export function titleFlaw(title: string): string | null {
  const t = title.trim();
  if (/(?:…|\.\.\.)$/.test(t)) return "cut off";
  const words = t.split(/\s+/);
  // The first word after adverbs and a negation ("never forget", "not be …") must be a verb.
  const tokens = tagTokens(`They will ${t.charAt(0).toLowerCase()}${t.slice(1)}`).slice(2);
  const lead = tokens.find((x) => x.pos !== "ADV" && x.pos !== "PART");
  if (!lead || (lead.pos !== "VERB" && lead.pos !== "AUX" && !KNOWN_LEAD.test(lead.text))) return "not led by a verb";
  // "Not be interfered with by …": a passive names no action of the party's.
  if (/^be$/i.test(lead.text) && /^[a-z]+(?:ed|en|wn|ld|lt|nt)$/i.test(tokens[tokens.indexOf(lead) + 1]?.text ?? "")) return "a passive";
  if (words.length > 3 && trimDangling(words).length < words.length) return `ends on '${words[words.length - 1]}'`;
  return null;
}

// Titles repeat across mentions: each is tagged once.
const flawOf = memoised(titleFlaw);

function governingVerb(vp: string): string {
  const v = vp.toLowerCase();
  if (/make (?:full |good )?use of|leverag|give full play/.test(v)) return "Make use of";
  if (/\b(build|building|construction)\b/.test(v)) return "Build";
  if (/\b(establish|establishment)\b/.test(v)) return "Establish";
  if (/\bopen/.test(v)) return "Open";
  if (/\bimplement/.test(v)) return "Implement";
  if (/\bsupport/.test(v)) return "Support";
  return "Develop";
}

// Verbs that name a frame or a pace rather than an action ("strengthen cooperation", "promote ties"):
// a title led by one says less than a title led by what will actually be done.
const FRAME_VERBS = new Set([
  "promote", "strengthen", "deepen", "enhance", "advance", "expand", "boost", "continue", "push", "carry", "consolidate",
  "develop", "improve", "intensify", "step", "further", "work", "make", "seek", "explore", "maintain", "keep", "support", "cooperate",
]);
const PRONOUN_OBJECT = /\b(?:it|its|this|that|these|those|them|their)\b/i;

/**
 * How well a title names its commitment: led by a verb, better by a concrete action than by a
 * frame verb; specific (a named project, an amount, a date); a readable length; naming things
 * rather than pointing back at them. A pledge keeps the title of its clearest wording.
 */
// Ingestion scores a pledge's title every time the pledge is mentioned again: each title is tagged once.
export const titleClarity = memoised(clarityOf);

function clarityOf(title: string): number {
  const words = title.trim().split(/\s+/);
  const first = words[0]?.toLowerCase() ?? "";
  // Tagged in a frame that makes an imperative read as the verb it is.
  const tokens = tagTokens(`They will ${title.charAt(0).toLowerCase()}${title.slice(1)}`);
  const lead = tokens[2];
  let score = 0;
  if (lead && lead.pos === "VERB") score += FRAME_VERBS.has(first) ? 2 : 3;
  score += specificityOf(title, false);
  if (words.length >= 4 && words.length <= 10) score += 1;
  else if (words.length < 3) score -= 2;
  else if (words.length > 12) score -= 1;
  if (PRONOUN_OBJECT.test(title)) score -= 1;
  return score;
}

/** A wording's title replaces a pledge's current one only when it is clearly better. */
export const CLEARER_BY = 2;
