import { baseVerbStarts, gerundStarts } from "./nlp";
/**
 * Splitting a committed predicate into pledges.
 * Rule: coordinated verb phrases are separate commitments ("increase imports … and encourage
 * enterprises to invest"); coordinated objects of one verb stay one commitment ("step up
 * cooperation on green energy, digital economy and e-commerce") unless the objects are named
 * institutions, facilities or agreements, each of which is tracked on its own.
 */

// Verbs that head a new commitment when they follow ", " / "and " inside a predicate.
const VERBS =
  "deepen|control|import(?!\\s+(?:of|and|from)\\b)|drive(?=\\s+(?:the|forward|growth)\\b)|expand|expanding|strengthen|strengthening|promote|advance|implement|build|support|supports|oppose|opposes|encourage|encourages|carry|prevent|enhance|energize|pool|speed|step|make|foster|upgrade|increase|introduce|welcome|welcomes|safeguard|uphold|combat|crack|continue|accelerate|open|provide|hold|start|create|attract|develop|modernize|help|focus|consolidate|improve|guard|maintain|participate|establish|complete|simplify|mark|organize|invite|submit|host|give|render|keep|coordinate|leverage|set|view|summarize|seek|boost|offer|supply|deliver|facilitate|ensure|explore|launch|push|tap|lift|pursue|respect|jointly|further|actively|resolutely|unequivocally|steadfastly|staunchly|firmly|fully|continuously|never|take|turn|jointly|bring|share|address|meet|work\\s+(?:together|jointly|closely|hand\\s+in\\s+hand)";
// "China's increased investment … and expanded import of …", "the construction of three plants
// and in the modernization of the grid": each nominal action has its own object.
const NOMINAL_ACTION = "(?:in\\s+|to\\s+)?(?:the\\s+)?(?:(?:increased|expanded|enhanced|improved)\\s+[a-z]+\\s+of|(?:construction|modernization|building|opening|establishment|completion)\\s+of)\\b";
const VERB_SPLIT = new RegExp(`(?:,["”]?\\s+(?:and\\s+|as well as\\s+)?|\\s+and\\s+(?:to\\s+)?|\\s+as well as\\s+(?:to\\s+)?|;\\s+)(?=(?:(?:well|better|[a-z]+ly)\\s+)?(?:${VERBS})\\b)|,\\s+as well as\\s+|,?\\s+(?:while|in addition to)\\s+(?=[a-z]+ing\\b)|\\s+and\\s+(?=${NOMINAL_ACTION})`, "g");

// Where the committed action stops: purpose clauses, attributions, relative clauses.
const CUT =
  /,\s+(?:a|an)\s+[\w-]+\s+(?:designed|aimed|intended|that|which)\b|,?\s+so as to\b|\s+in order to\b|,\s+which\b|,\s+while\b(?!\s+[a-z]+ing\b)|\s+to help\b|,\s+to\s+(?:contribute|better|jointly build)\b|,["”]?\s*(?:(?:[A-Z][\w'-]+\s+){0,5}|he\s+|she\s+|the [A-Za-z ]+ )(?:said|added|noted|told|stressed|emphasized|said,)\b|,\s+said\s+[A-Z]|,\s+adding\b|,\s+noting\b|,\s+part of\b|,?\s+(?:based on|on the basis of)\s|(?<=\b[A-Za-z][a-z]+)(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))[.!?][”"]?\s+(?=[A-Z][a-z])|,\s+calling\b|(?<!\befforts?|\b(?:work|working|join\s+hands|cooperate|cooperating)\s+(?:together\s+|closely\s+|hand\s+in\s+hand\s+)?with\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+to\s+(?:consolidate|facilitate|achieve)\b|\s*\((?![A-Z][A-Za-z]{1,7}\))|,?\s+after\s+(?=[A-Z]|(?:the|his|her|their)\s)|,?\s+and\s+that\s|,\s+with\s+[\w ]{2,40}?\s+\w+ing\b|,?\s+and\s+(?:looks?|looked|looking)\s+forward\b|,?\s+and\s+(?:added|said|noted|stressed|pointed out|underlined|emphasized)\b|,\s+(?:announced|proposed|put forward|launched|initiated)\s+(?:by|in|at|a|an|the|last|\d)/;

// "work with Tajikistan, guided by …, to", "make joint efforts to": frames before the action.
const FRAME =
  /^(?:(?:work|working)\s+(?:together\s+)?(?:with\s+[^,]+?\s*)?(?:,[^,]{0,120},\s*)?to\s+|make joint efforts to\s+|join hands to\s+|continue to\s+work\s+with\s+[^,]+?\s+to\s+)/;

export const NOT_BILATERAL = /^(?:work|working)\s+with\s+(?:all parties|the international community|other countries)\b/;

const REDUCED_RELATIVE = /\s+(?:announced|proposed|put forward|initiated|reached|advocated)\s+by\b/;

// What the action is for, not the action: "for the benefit of the two peoples", "in a bid to …".
const BENEFIT = /,?\s+(?:for|to)\s+the\s+(?:benefit|well-being|wellbeing|welfare|good)\s+of\b|,?\s+in a bid to\b|,?\s+with a view to\b|,\s+(?:(?:thus|thereby)\s+)?(?:contributing|making (?:greater |new |positive )?contributions?)\s+to\b/;
// Verbs whose object does the next action ("encourage companies to invest", "help them to …");
// after one of these, "to" starts that action, not a purpose.
const OBJECT_CONTROL = /\b(?:encourag|welcom|urg|help|invit|allow|enabl|ask|call(?:s|ed|ing)? on|support|push|persuad|requir|guid|mobiliz|mobilis|want|expect|need|press)\w*\b/i;
// "cooperate with Pakistan to combat terrorism", "work together to …": the frame, not a purpose.
const FRAME_WITH = /^(?:\w+\s+){0,2}?(?:work|working|cooperat\w*|collaborat\w*|coordinat\w*|join\w*|partner\w*|unite|team up)\b/i;
// Words that take "to" directly ("efforts to", "ready to", "continue to"): no purpose either.
const TAKES_TO = /\b(?:efforts?|measures|steps|ways?|plans?|opportunit(?:y|ies)|time|chance|mechanisms?|ready|willing|able|prepared|determined|committed|continue[sd]?|seek|strive|try|agreed?|decided?|intends?|hopes?|going|need|aims?|order|so as|more|contribute|contributions?)\s*$/i;

/**
 * "keep enhancing counter-terrorism cooperation to safeguard common interests": an infinitive after
 * the action's object says what the action is for. The pledge is the action; the purpose goes
 * (it is rhetoric that would link unrelated pledges through "interests" or "peoples"). Kept when
 * a verb before it hands the action to its object ("encourage companies to invest"), or the word
 * before takes "to" itself ("efforts to", "ready to").
 */
export function withoutPurpose(sentence: string, whole: [number, number], cue: string): [number, number] {
  // "the reforms announced by the President", "the consensus reached by the two heads of state":
  // who put the thing forward is not part of the action.
  const by = REDUCED_RELATIVE.exec(sentence.slice(whole[0], whole[1]));
  const span: [number, number] = by ? [whole[0], whole[0] + by.index] : whole;
  // "welcome Chinese companies to invest": the cue hands the action on; "called on the sides to keep
  // enhancing cooperation to safeguard …": its "to" is spent, and the next one is a purpose.
  if (OBJECT_CONTROL.test(cue) && !/\bto\s*$/.test(cue)) return span;
  const cut = purposeCut(sentence.slice(span[0], span[1]));
  return cut === null ? span : [span[0], span[0] + cut];
}

function purposeCut(text: string): number | null {
  // ", to …" and "and to …" list further actions ("agreed to build X and to open Y"), not purposes.
  const re = /(?<![,;])\s+to\s+(?=[a-z])/g;
  let verbs: Set<number> | null = null;
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    if (/\b(?:and|or|but)$/.test(before) || before.trim().split(/\s+/).length < 2) continue;
    // "develop a plan by the end of the year to create …": a time between them changes nothing.
    const untimed = before.replace(/\s+(?:by|before|within)\s+the\s+end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:year|month|\d{4})$|\s+(?:this|next)\s+year$|\s+as\s+soon\s+as\s+possible$/, "");
    if (OBJECT_CONTROL.test(before) || TAKES_TO.test(untimed) || FRAME_WITH.test(before.split(/[,;]\s*/).at(-1)!)) continue;
    verbs ??= baseVerbStarts(text);
    if (verbs.has(m.index! + m[0].length)) return m.index!;
  }
  return null;
}

/** A listed action told with its frame ("…, and work together with X to fight …"): the action. */
export function withoutFrame(sentence: string, span: [number, number]): [number, number] {
  const fm = FRAME.exec(sentence.slice(span[0], span[1]));
  if (!fm || NOT_BILATERAL.test(sentence.slice(span[0], span[1])) || span[0] + fm[0].length >= span[1]) return span;
  return [span[0] + fm[0].length, span[1]];
}

export function predicateSpan(sentence: string, from: number, to: number): [number, number] | null {
  let s = from;
  while (s < to && /[\s,]/.test(sentence[s])) s++;
  let e = to;
  const rest = sentence.slice(s, e);
  const cut = CUT.exec(rest);
  if (cut) e = s + cut.index;
  const fm = FRAME.exec(sentence.slice(s, e));
  if (fm && !NOT_BILATERAL.test(sentence.slice(s, e))) s += fm[0].length;
  const benefit = BENEFIT.exec(sentence.slice(s, e));
  if (benefit) e = s + benefit.index;
  // Trailing joiners left when the next cue starts ("… and stands ready to", "… and is committed to").
  const tail = /(?:[\s,;]+(?:and|while|but|as well as|also)?(?:\s+(?:is|are))?)+\s*$|[.\s]+$/.exec(sentence.slice(s, e));
  if (tail) e -= tail[0].length;
  for (;;) {
    while (e > s && /[\s,.;:]/.test(sentence[e - 1])) e--;
    // A closing quotation mark of the sentence ("… core interest.”"), not of a name the action quotes.
    const open = (sentence.slice(s, e).match(/[“"]/g) ?? []).length;
    const close = (sentence.slice(s, e).match(/[”"]/g) ?? []).length;
    if (e > s && /[”"]/.test(sentence[e - 1]) && (sentence[e - 1] === '"' ? open % 2 === 1 : close > open)) e--;
    else break;
  }
  return e > s ? [s, e] : null;
}

// An action told as a gerund after its frame ("supports X in safeguarding …", "by expanding …").
// Or the action begins with one ("is committed to fighting …, promoting … and improving …").
const GERUND_LEAD = /^(?:(?:[\w’'-]+\s+){0,4}?(?:in|on|by)\s+)?([a-z]+ing)\b/;
// A coordination point whose next word is not a known commitment verb: the tagger decides.
const COORDINATION = /(?:,["”]?\s+(?:and\s+|as well as\s+)?|\s+and\s+(?:to\s+)?|;\s+)(?=[a-z]{3,})/g;
const NOUN_COMPOUND = /^(?:think\s+tanks?|supply\s+chains?|trade\s+(?:fairs?|shows?|unions?)|work\s+(?:groups?|teams?))\b/;
const KNOWN_VERB = new RegExp(`^(?:${VERBS})\\b`);

/** Where coordinated actions begin: a listed commitment verb, or any verb in its base form as the
 *  tagger reads it ("…, intensify cooperation in …, and join efforts to …"). */
function coordinatedActions(text: string): { index: number; length: number }[] {
  const points: { index: number; length: number }[] = [];
  VERB_SPLIT.lastIndex = 0;
  for (const m of text.matchAll(VERB_SPLIT)) {
    // "industrial and supply chains", "epidemic prevention and control": nouns, not a new action.
    if (NOUN_COMPOUND.test(text.slice(m.index! + m[0].length)) || (/^\s+and\s+$/.test(m[0]) && /\bprevention$/i.test(text.slice(0, m.index!)))) continue;
    points.push({ index: m.index!, length: m[0].length });
  }
  const open = [...text.matchAll(COORDINATION)].filter((m) => !KNOWN_VERB.test(text.slice(m.index! + m[0].length)) && !points.some((p) => p.index === m.index));
  if (open.length > 0) {
    const verbs = baseVerbStarts(text);
    // "supports Pakistan in safeguarding its sovereignty, choosing its own path, and combating
    // terrorism": after a gerund that heads the action, each listed gerund is another action.
    const lead = GERUND_LEAD.exec(text);
    const gerunds = lead ? gerundStarts(text) : null;
    const leadAt = lead ? lead.index + lead[0].length - lead[1].length : -1;
    // "efforts in aligning the BRI with …": a gerund taking an object is a verb, whatever the tagger says.
    const leadTakesObject = leadAt >= 0 && /^[a-z]+ing\s+(?:the|a|an|its|their|our|his|her|more|[A-Z])\b/.test(text.slice(leadAt));
    for (const m of open) {
      const at = m.index! + m[0].length;
      const preposition = /^(?:including|regarding|concerning|according|following|excluding|during|notwithstanding)\b/.test(text.slice(at));
      // "exchanges between the youth, media, think tanks, …": a noun compound the tagger reads as a verb.
      if (NOUN_COMPOUND.test(text.slice(at))) continue;
      if (verbs.has(at) || (gerunds && !preposition && at > leadAt && (gerunds.has(leadAt) || leadTakesObject) && gerunds.has(at))) points.push({ index: m.index!, length: m[0].length });
    }
  }
  return points.sort((a, b) => a.index - b.index);
}

const INVEST_END = /\binvest(?:s|ing|ment)?\s*$/i;
const BUSINESS = /^(?:develop|operate|do|run|conduct|start|open|expand|grow)\s+(?:their\s+|its\s+)?business(?:es)?\b/i;

export function splitVerbPhrases(sentence: string, span: [number, number]): [number, number][] {
  const [s, e] = span;
  // An editor's insertion inside a quotation ("…, [and] stand against …") joins like the word itself.
  const text = sentence.slice(s, e).replace(/\[(and|or)\]/g, " $1 ");
  const out: [number, number][] = [];
  let last = 0;
  for (const m of coordinatedActions(text)) {
    // "support and assistance", "traditional and non-traditional": the word after "and" must
    // start a verb phrase, i.e. not be followed by a noun-like continuation of a list.
    if (m.index < last) continue;
    if (m.index > last) out.push([s + last, s + m.index]);
    last = m.index + m.length;
  }
  if (last < text.length) out.push([s + last, e]);
  // "continuously improve and strengthen the mechanism": a bare verb shares the next verb's object.
  const merged: [number, number][] = [];
  for (let i = 0; i < out.length; i++) {
    const words = sentence.slice(out[i][0], out[i][1]).trim().replace(/^(?:work\s+together|join\s+hands|make\s+(?:joint\s+)?efforts?|strive|continue)\s+to\s+(?=\w)/, "").split(/\s+/);
    // "effectively control and satisfactorily settle differences": a verb with only its manner.
    const lone = words.length <= 2 && (words.every((w) => KNOWN_VERB.test(w) || /ly$/.test(w)) || (words.length === 2 && /ly$/.test(words[0])) || words.length === 1);
    if (lone && i + 1 < out.length) { out[i + 1] = [out[i][0], out[i + 1][1]]; continue; }
    // "invest and develop business in Tajikistan", "invest and do business": one investment.
    const prev = merged.at(-1);
    if (prev && INVEST_END.test(sentence.slice(prev[0], prev[1])) && BUSINESS.test(words.join(" "))) { merged[merged.length - 1] = [prev[0], out[i][1]]; continue; }
    merged.push(out[i]);
  }
  return merged.filter(([a, b]) => b - a > 2);
}

// Head nouns of named things tracked on their own: institutions, facilities, agreements, events. A
// name goes on past its head while its words are capitalised ("the Colombo Port City").
const NAMED_HEAD =
  "Institutes?|Workshops?|Cent(?:er|re)s?|Colleges?|Universit(?:y|ies)|Schools?|Hospitals?|Parks?|Zones?|Plants?|Stations?|Railway|Highway|Corridor|Pipeline|Committee|Commission|Memorandum|Agreement|Programme|Program|Initiatives?|Fund|Day|Days|Festival|Year|Forum|Expo|Bridge|Tunnel|Port|Airport";
const NAMED_ITEM = new RegExp(
  `(?:the\\s+)?(?:[A-Z][\\w'’-]*\\s+)*(?:${NAMED_HEAD})(?:\\s+[A-Z][a-z][\\w'’-]*)*(?:\\s+(?:for|of|on)(?:\\s+(?:the\\s+)?[A-Z][\\w'’-]*)+)*|(?:the\\s+)?(?:Cent(?:er|re)|Institute|Workshop)\\s+(?:for|of)(?:\\s+[A-Z][\\w'’-]*)+`,
  "g",
);

const NEW_VERSION = /\b(?:(?:an?\s+)?(?:upgraded|new|improved)\s+versions?|(?:the\s+)?(?:second|next|new)\s+phases?)\s+of\s+(?:the\s+)?$/i;

export function institutionsIn(text: string): string[] {
  NAMED_ITEM.lastIndex = 0;
  return [...text.matchAll(NAMED_ITEM)].map((m) => m[0]).filter((n) => /[A-Z]/.test(n.replace(/^the\s+/, "")));
}

/** Named institutions in a coordinated list: "Confucius Institutes, Luban Workshop and Center for Traditional Medicine". */
export function namedItems(sentence: string, span: [number, number]): [number, number][] {
  const text = sentence.slice(span[0], span[1]);
  const items: [number, number][] = [];
  NAMED_ITEM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMED_ITEM.exec(text))) {
    let a = m.index;
    let b = a + m[0].length;
    const lead = /^the\s+/.exec(m[0]);
    if (lead) a += lead[0].length;
    const words = text.slice(a, b).split(/\s+/);
    if (words.length < 2 && !/^[A-Z]/.test(words[0] ?? "")) continue;
    // Bare heads ("Center") without a proper-name part are not named things.
    if (words.every((w) => new RegExp(`^(?:${NAMED_HEAD}|for|of|on|the)$`).test(w))) continue;
    while (b > a && /[\s,.]/.test(text[b - 1])) b--;
    items.push([span[0] + a, span[0] + b]);
  }
  // Only a list of two or more named things is split; one name stays inside its phrase.
  const listed = items.length >= 2 && /,|\band\b/.test(text.slice(items[0][1] - span[0], items[1][0] - span[0]));
  if (!listed) return [];
  // "build upgraded versions of the Corridor and the Agreement": the upgrade of a thing is
  // another pledge than the thing, so the first name keeps what it is a version of.
  const version = NEW_VERSION.exec(text.slice(0, items[0][0] - span[0]));
  if (version) items[0] = [span[0] + version.index, items[0][1]];
  return items;
}
