import { classifyTopic, type TopicSlug } from "@/lib/topics";
import { allCities, COUNTRY_RE, countryOf } from "./gazetteer";
import { anaphorOf, namedThingsIn, resolveAntecedent, type Antecedent, type AntecedentCandidate } from "./coreference";
import { findCues, NON_PLEDGE_FRAME, type Cue, type Firmness } from "./cues";
import { investorOf, keyTerms, lemma, linkKeysOf, stem } from "./normalise";
import type { ParsedReadout } from "./parse-readout";
import type { Participant } from "./participants";
import { sentenceSpeaker } from "./speakers";
import { institutionsIn, namedItems, NOT_BILATERAL, predicateSpan, splitVerbPhrases, withoutFrame, withoutPurpose } from "./split-objects";
import { makeTitle } from "./titles";
import { specificityOf } from "./specificity";

export interface ExtractedMention {
  quote: string; start: number; end: number;
  phrase: string; phraseStart: number; phraseEnd: number;
  sentenceIndex: number;
  speaker: string | null;
  side: string | null;
  giver: string;
  receiver: string | null;
  cue: string;
  firmness: Firmness;
  specificity: 0 | 1 | 2 | 3;
  topic: TopicSlug;
  title: string;
  linkKeys: string[];
  countryPair: string;
  /** When the object only points back ("its proposal", "the Uzbek section"): what it stands for.
   *  Its link keys are already in `linkKeys`. */
  antecedent?: Antecedent;
}

const JOINT = /\b(?:two sides|both sides|two countries|both countries|two nations|both nations|the sides|the parties|two leaders|both leaders|two presidents|the presidents|each other|one another|two officials|two ministers|we also agreed|both)\b/i;
const THIRD_PARTY_SUBJECT = /^(?:an? (?:increasing|growing) number of|many|most|other|all|developing|developed|regional|neighbouring|neighboring) (?:countries|parties|nations)|^(?:countries|nations) (?:in|of) the (?:region|world)|^the international community|^the world\b/i;
// Predictions and descriptions, not commitments: "will be the first", "will remain a priority".
const IN_FORCE = /^(?:take|come into|enter into)\s+(?:effect|force)\b/;
// A passive, or an event whose subject is what is done ("the visa exemption agreement will take effect").
const PASSIVE = /^be\s+(?:\w+ly\s+|well\s+)?(?:\w+ed|put|held|made|built|given|taken|set|done|kept)\b|^(?:take|come into|enter into)\s+(?:effect|force)\b/;
const NOT_ACTION = /^(?:(?:continue|last|run)\s+(?:until|till|through)\b|be\s+(?!(?:\w+ly\s+|well\s+)?(?:\w+ed|put|held|made|built|given|taken|set|done|kept)\b)|remain\b|become\b|always be\b|witness\b)/i;
// Welcoming a guest's visit or attendance, or being welcomed somewhere, is hospitality: nothing
// anyone could track ("welcomed the minister's visit", "was welcomed by the mayor").
const HOSPITALITY = /^\s*(?:by\b|(?:[\w’'-]+\s+){0,5}?(?:visits?|attendance|arrival|trip)\b(?!\s+(?:of|by)\s+(?:more|students|tourists|experts|delegations))|(?:\w+ly\s+)?(?:(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:President|Premier|Prime Minister|Minister|Foreign Minister|Chairman|Ambassador|Councillor)\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\s+(?:to|in)\s+(?:[A-Z][a-z]+|the\s+[A-Z])|(?:\w+ly\s+)?(?:him|her|them|the (?:guests?|delegation|visitor)s?)\b|(?:\w+ly\s+)?(?:the\s+)?(?:visiting\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:President|Premier|Prime Minister|Minister|Chairman|Ambassador|Councillor|King|Prince|Secretary)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}(?=\s*(?:$|[,.;]|\s+(?:and|on|who|to the|at)\b)))/;
// A firm "will" commits only a party; "its opening up will provide opportunities" is a forecast.
// "will" or "'ll", not "willing".
const WILL = /\bwill\b|['’]ll\b/;
// Greetings, wishes and thanks passed on are courtesy: "would convey his sincere greetings to …".
const COURTESY = /^(?:\w+ly\s+)?(?:(?:convey|extend|send|pass on|express)\s+(?:[\w’'-]+\s+){0,3}?(?:greetings|regards|wishes|congratulations|condolences|thanks|gratitude|sympathy|sympathies)\b|(?:(?:remember|appreciate)\s+and\s+)?thank(?:s|ed)?\b)/i;
const CONDITION = /^(?:(?:[\w’'-]+\s+){0,8}?(?:is|was)\s+that\s+)?(?:as long as|so long as|if|once|provided(?: that)?|only when|when)\b/i;
// "take high-quality Belt and Road cooperation as the guide", "take the presidency as an
// opportunity to …": what a side takes as its guide or opportunity frames the action, it is none.
const TAKE_AS = /^(?:\w+ly\s+)?take\s+(?:[\w’'"“”()-]+[\s,]+){1,30}?as\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?(?:guide|guidance|opportunity|starting point|main line|orientation)\b/i;
// "Firstly, the two sides should …": an ordinal before a subject names no action of its own.
const PARTY_ONLY = /^(?:the\s+)?(?:two|both|dual)\s+(?:sides|countries|parties|nations|governments)\s*[,.]?$/i;
// Attending a summit, a meeting or a ceremony is a visit's schedule, not a commitment anyone could
// follow ("will participate in a summit of the …", "invited him to attend the summit"); hosting one is.
const ATTENDANCE = /^(?:\w+ly\s+)?(?:attend|participate\s+in|take\s+part\s+in|be\s+present\s+at)\s+(?:(?!host)[\w’'-]+\s+){0,7}?(?:summit|meeting|session|ceremony|celebrations?|parade|festivities)\b/i;
// A numeric target: "reach US$6 billion by 2020", "exceed 100 million tons".
const TARGET = /^(?:reach|exceed|hit|surpass|top|double|triple)\b[^.;]*\d/i;
const PARTY = /\b(?:i|he|she|we|they|side|sides|countries|leaders|presidents|parties|government|ministry|company|companies|enterprises)\b/i;

function countriesIn(text: string): string[] {
  const out: string[] = [];
  COUNTRY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COUNTRY_RE.exec(text))) {
    const c = countryOf(m[1]);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

function isParty(subject: string, participants: Participant[]): boolean {
  // "2024, which was declared the year of Kazakh tourism in China, will …": the head, not the
  // relative clause, is the subject.
  const subj = subject.replace(/,\s*(?:which|who|that)\b[^,]*,(?=.)/g, " ").trim();
  // ", and will hold …" shares the subject of the clause before it.
  if (!subj || /^(?:also|then|further)$/i.test(subj)) return true;
  if (/^(?:which|it|this|that)$/i.test(subj.split(/\s+/).at(-1) ?? "")) return false;
  return (
    countriesIn(subj).length > 0 || PARTY.test(subj) || institutionsIn(subj).length > 0 ||
    participants.some((p) => subj.includes(p.name.split(" ").at(-1)!)) ||
    /\b[A-Z][a-z]+[A-Z]?\w*\s*$/.test(subj) // a named organisation as subject: "Rosatom will …"
  );
}

function clauseStart(text: string, before: number): number {
  const head = text.slice(0, before);
  let best = 0;
  // A full stop inside a quotation ends a sentence of the speaker's too.
  for (const re of [/\bthat\s+/g, /\bsaid\s+/g, /;\s+/g, /,\s+(?:and|while|but)\s+/g, /\bnoted\s+/g, /\bstressed\s+/g, /\b[A-Za-z][a-z]+(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))[.!?][”"]?\s+(?=[A-Z])/g]) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(head))) best = Math.max(best, m.index + m[0].length);
  }
  return best;
}

interface Ctx { parsed: ParsedReadout; speaker: Participant | null; sides: string[] }

function giverOf(subject: string, cue: Cue, vp: string, ctx: Ctx): { giver: string; receiver: string | null } {
  const { sides, speaker } = ctx;
  const other = (c: string) => sides.find((s) => s !== c) ?? null;
  const named = countriesIn(subject).filter((c) => sides.includes(c));
  let giver: string;
  if (cue.kind === "call") {
    const a = countriesIn(cue.addressee ?? "");
    giver = a.length === 1 ? a[0] : "joint";
  } else if (JOINT.test(subject) || (/^\s*(?:both\s+)?[A-Z][a-z]+ and [A-Z][a-z]+\b/.test(subject) && named.length >= 2)) giver = "joint";
  else if (named.length >= 1) giver = named[0];
  else if (/^\s*we\b/i.test(subject) && /agree/.test(cue.cue)) giver = "joint";
  else if (speaker?.side && (/\b(?:he|she|we|i)\s*$/i.test(subject.trim()) || subject.includes(speaker.name.split(" ").at(-1)!))) giver = speaker.side;
  else if (cue.firmness === 2 && !WILL.test(cue.cue)) giver = "joint";
  else giver = speaker?.side ?? "joint";
  // "welcomes China's increased investment", "welcome more Chinese enterprises to invest": the
  // welcomed actor gives.
  if (cue.kind === "verb" || /welcome/i.test(vp.slice(0, 10))) {
    const head = vp.replace(/^\s*(?:fully |firmly |staunchly |steadfastly )?(?:welcomes?|welcomed|supports?)\s+/i, "").split(/\s+/).slice(0, 4).join(" ");
    const who = countriesIn(head).filter((c) => sides.includes(c));
    if (/welcome/i.test(vp.slice(0, 10)) && who.length === 1) return { giver: who[0], receiver: other(who[0]) };
  }
  // "attract more Chinese investment", "create favourable conditions for Chinese companies": an
  // investment flow is the investor's pledge, whoever states it.
  // The safety of a side's companies or staff is the host's pledge, not an investment.
  const investor = SAFETY.test(vp) ? null : investorOf(vp, sides);
  if (investor && investor !== giver && giver !== "joint") return { giver: investor, receiver: other(investor) };
  // Exports from one side to the other are the other side's import commitment.
  const exp = /\bexports?\b[^.]*?\bto\s+(?:the\s+)?([A-Z][a-z]+)/.exec(vp);
  if (exp) {
    const dest = countryOf(exp[1]);
    if (dest && sides.includes(dest) && dest !== giver) return { giver: dest, receiver: other(dest) };
  }
  // "expanded import of Tajik farm products", "imports from Tajikistan": the importer gives.
  const imp = /\bimports?\b[^.]*?\b(?:from|of)\s+(?:the\s+)?(?:[a-z-]+\s+)?([A-Z][a-z]+)/.exec(vp);
  const source = imp ? countryOf(imp[1]) : null;
  if (source && source === giver && sides.includes(source) && other(source)) return { giver: other(source)!, receiver: source };
  // "further enhance bilateral trade", "jointly implement", "China-Tajikistan economic and trade
  // cooperation": the action itself is both sides', whoever announces it.
  if (giver !== "joint" && (BOTH_SIDES.test(vp) || sides.every((c) => pairCompound(vp, c)))) return { giver: "joint", receiver: null };
  return { giver, receiver: giver === "joint" ? null : other(giver) };
}

const MUTUAL_SUPPORT = /\b(?:support|help|back)\w*\s+(?:and\s+\w+\s+)?(?:each other|one another)\b|\bmutual support\b/i;
// "encourage the Afghan interim government to establish …, focus on development, and improve
// people's livelihood": the actions handed to a third party are one pledge about that party.
const HANDED_TO = /^(?:\w+ly\s+)?(?:encourag\w*|urg\w*|call\w* on|support\w*|help\w*|ask\w*|invit\w*|assist\w*)\s+(?:the\s+)?([A-Z][a-z]+)/;

/** Joins the actions a third party is asked to take, up to the "and" that closes their list. */
function thirdPartyClauses(sentence: string, pieces: [number, number][], sides: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < pieces.length; i++) {
    const m = HANDED_TO.exec(sentence.slice(pieces[i][0], pieces[i][1]));
    const who = m ? countryOf(m[1]) : null;
    if (!who || sides.includes(who)) { out.push(pieces[i]); continue; }
    const start = pieces[i][0];
    let end = pieces[i][1];
    while (i + 1 < pieces.length) {
      const joiner = sentence.slice(end, pieces[i + 1][0]);
      if (/^\s*\w+ly\b/.test(sentence.slice(pieces[i + 1][0], pieces[i + 1][1]))) break;
      end = pieces[++i][1];
      if (/\band\b/.test(joiner)) break;
    }
    out.push([start, end]);
  }
  return out;
}

// "push China-Kazakhstan relations to a new high", "take the economic partnership to a new level":
// lifting the relationship itself is rhetoric, whatever adjectives it carries.
const LIFT_RELATIONS = /^(?:[\w’'-]+\s+){1,2}?(?:the\s+|their\s+|our\s+|bilateral\s+)?(?:[\w’'-]+\s+){0,3}?(?:relations?|relationship|ties|partnership)\s+(?:to|into|onto)\s+(?:a\s+|an\s+)?(?:new|higher|greater|even higher)(?:\s+and\s+higher)?\s+(?:levels?|highs?|heights?|stages?)$/i;
// "carry forward the Silk Road spirit", "uphold the Shanghai Spirit": a spirit is rhetoric, whatever it is named after.
const SPIRIT = /^(?:\w+ly\s+)?(?:carry forward|carry on|inherit|uphold|promote|champion|foster|pass on|advocate|practise|practice)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?spirit(?:\s+(?:of|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)*$/i;
// "carry forward the traditional friendship", "inherit and carry forward the … friendship carefully
// cultivated by generations": handing a friendship or tradition on is rhetoric, like a spirit.
const HAND_ON = /^(?:\w+ly\s+)?(?:carry forward|carry on|inherit|pass on|continue)(?:\s+and\s+(?:carry forward|carry on|inherit|pass on|develop))?\s+(?:the\s+|their\s+|our\s+)?(?:[\w’'-]+\s+){0,4}?(?:friendship|tradition)(?:\s+of\s+(?:[\w’'-]+\s+){0,2}?(?:friendship|good-neighbou?rliness)(?:\s+and\s+friendship)?)?(?:\s+(?:\w+ly\s+)?(?:cultivated|forged|built|nurtured|established|handed down|passed down)\b.*)?$/i;
// "stick to the right direction of …", "have a clear view of the right direction of the relations":
// keeping a course is rhetoric, whatever the course is said to be of.
const DIRECTION = /^(?:\w+ly\s+)?(?:stick\s+to|keep\s+to|keep|grasp|follow|adhere\s+to|steer|have\s+a\s+clear\s+view\s+of)\s+(?:the\s+)?(?:right|correct|general)\s+direction\b/i;
// "push forward their partnership that features sincere mutual help and long-term friendship": what
// follows "featuring" describes the relationship; the whole is relationship rhetoric.
const FEATURING = /^(?:[\w’'-]+\s+){0,4}?(?:the\s+|their\s+|our\s+|bilateral\s+)?(?:development\s+of\s+(?:the\s+)?)?(?:[\w’'-]+\s+){0,4}?(?:relations?|relationship|ties|partnership)\s+(?:that\s+|which\s+)?featur(?:es|ing)\b/i;

/** "will never allow any force to use its territory against China": the title keeps the "never". */
function negated(cue: Cue, sentence: string, title: string): string {
  if (!/\bnever\b/i.test(sentence.slice(cue.start, cue.end)) || /^never\b/i.test(title)) return title;
  return `Never ${title.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}`;
}

const WORLD = /\b(?:world peace|peace of the world|world['’]s (?:peace|development)|developing countries|mankind|humanity|global governance system|hegemonism|hegemony|bullying|power politics|unilateralism|protectionism|international (?:fairness|equity) and justice)\b/i;
const SAFETY = /\b(?:safety|security|protect(?:ion)?|safeguard)\b/i;
// A free trade agreement, pact or zone, and a negotiation, take two as well.
const BOTH_SIDES = /\b(?:bilateral|jointly|together|between the two (?:countries|sides|nations)|co-?operation|co-?operate|coordinat(?:e|ion)|collaborat(?:e|ion)|interactions?|consultations?|dialogue|communication|exchanges|synergy|alignment|docking|dovetail|connectivity|interconnectivity|each other|one another|mutual(?:ly)?|free[- ]trade\s+(?:agreements?|pacts?|zones?|areas?|deals?|talks|negotiations?)|negotiations?)\b/i;
function pairCompound(text: string, country: string): boolean {
  const m = /\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b/g;
  for (const x of text.match(m) ?? []) if (x.split("-").some((w) => countryOf(w) === country)) return true;
  return false;
}
const CITY_KEYS = new Set(allCities().map((c) => stem(lemma(c.city))));
const isPlace = (key: string) => CITY_KEYS.has(key);

export function extractMentions(text: string, parsed: ParsedReadout): ExtractedMention[] {
  const out: ExtractedMention[] = [];
  const sides = parsed.countries;
  const countryPair = [...sides].sort().join("|");
  let speaker: Participant | null = null;
  // What a later "its proposal" or "the project" can stand for: earlier mentions and named things.
  const earlier: AntecedentCandidate[] = [];
  // A sentence printed twice (a headline repeated as the first paragraph, a caption, a pasted
  // duplicate) commits once: its pledges are mentioned once in this readout.
  const said = new Set<string>();
  // A page saved or pasted only in part stops mid-sentence: the action its last words begin is a
  // fragment ("expand cooperation in processing and trading of a"), not a pledge.
  const last = parsed.sentences.at(-1);
  const cutOff = last && !/[.!?:;"”’)\]]\s*$/.test(last.text) && text.slice(last.end).trim() === "" ? last : null;
  for (const s of parsed.sentences) {
    const same = s.text.replace(/\s+/g, " ").trim().toLowerCase();
    if (said.has(same)) continue;
    said.add(same);
    speaker = sentenceSpeaker(s.text, parsed.participants, speaker);
    earlier.push(...namedThingsIn(s.text, s.start, s.index));
    const cues = findCues(s.text);
    const partnerNamed = sides.every((c) => countriesIn(s.text).includes(c));
    const thirdNamed = countriesIn(s.text).some((c) => !sides.includes(c));
    for (let i = 0; i < cues.length; i++) {
      const cue = { ...cues[i] };
      const next = cues[i + 1];
      if (cue.kind === "hope-that") {
        // "hopes that China will …": the inner cue carries the action, the hope its firmness.
        if (next) { cues[i + 1] = { ...next, firmness: Math.min(next.firmness, cue.firmness) as Firmness, cue: `${cue.cue} … ${next.cue}` }; continue; }
      }
      const span = predicateSpan(s.text, cue.predStart, next ? next.start : s.text.length);
      if (!span) continue;
      const cs = clauseStart(s.text, cue.start);
      const subject = s.text.slice(cs, cue.start);
      if (NON_PLEDGE_FRAME.test(subject.split(/\band\b/).at(-1) ?? "") || THIRD_PARTY_SUBJECT.test(subject.trim())) continue;
      let pred = s.text.slice(span[0], span[1]);
      // "the visa exemption agreement will take effect": a scheduled step, whoever the subject is;
      // any other "will" of a subject that is not a party is a forecast.
      if (cue.kind === "modal" && WILL.test(cue.cue) && !isParty(subject, parsed.participants) && !IN_FORCE.test(pred)) {
        // "hoped that two-way trade will reach US$6 billion by 2020": a numeric target is a pledge
        // whoever the subject is; the subject says what is to reach it.
        const target = TARGET.test(pred) ? /(?:^|\bthat\s+|,\s+)((?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:trade|turnover|volume|investment|exports?|imports?|cargo|freight|transit|flights?)(?:\s+volume)?)\s*$/i.exec(subject) : null;
        if (!target) continue;
        span[0] = cs + target.index + target[0].lastIndexOf(target[1]);
        pred = s.text.slice(span[0], span[1]);
      }
      // The passive verb a subject-only pledge was told with ("… needs to be expanded"), for its title.
      let passiveVerb: string | null = null;
      // "there will be more direct flights": the pledge is what there will be.
      if (/\bthere\s*$/i.test(subject) && /^be\s+/.test(pred)) {
        span[0] += /^be\s+/.exec(pred)![0].length;
        pred = s.text.slice(span[0], span[1]);
      } else if (PASSIVE.test(pred)) {
        // "The role of the Confucius Institutes … should be fully leveraged": the pledge's words are the subject.
        // "as long as the two sides …, the relations will be consolidated": the condition is no
        // part of the subject.
        const whole = subject.replace(/^\s+/, "");
        const subj = CONDITION.test(whole) && whole.includes(",") ? whole.slice(whole.lastIndexOf(",") + 1).replace(/^\s+/, "") : whole;
        const rest = pred.replace(PASSIVE, "");
        if (keyTerms(subj).length && (!keyTerms(rest).length || IN_FORCE.test(pred))) {
          passiveVerb = pred;
          const a = cs + (subject.length - subj.length);
          span[0] = a;
          span[1] = a + subj.replace(/[\s,]+$/, "").length;
          pred = s.text.slice(span[0], span[1]);
        } else if (!keyTerms(subj).length && !keyTerms(rest).length) {
          // "the friendship … is a precious asset that should be maintained and promoted": a
          // passive whose subject is rhetoric and whose verbs name nothing is no pledge.
          continue;
        } else {
          // "connectivity should be strengthened, with more to be done in transport": the subject
          // is what is acted on, so it leads the pledge ("Strengthen connectivity").
          const named = subj.replace(/^.*\b(?:said|says|noted|stressed|added|believed|pointed out)\s+(?:that\s+)?/, "");
          if (keyTerms(named).length && named.trim().split(/\s+/).length <= 6 && !/[,;]/.test(named)) {
            span[0] = cs + (subject.length - named.length);
            pred = s.text.slice(span[0], span[1]);
          }
        }
      }
      // "the Luban Workshop in Samarkand will start enrolling students", "branches of the Moscow
      // Engineering Physics Institute … will open in Astana": the named subject is what the pledge
      // is about. "… at the Luban Workshop and will increase scholarships" keeps its own subject.
      // "Through the Steering Committee and other mechanisms, the two sides should …": the
      // subject is the party after the comma, not the institution before it.
      const partyAfterComma = /,\s*(?:the\s+)?(?:two|both)\s+(?:sides|countries|parties)\s*$/i.test(subject);
      const subjectName = /\b(?:and|but)\s*$/.test(subject) || partyAfterComma ? undefined : institutionsIn(subject).at(-1);
      let subjectThing = false;
      // A call is made by a person ("Xi, general secretary of the … Central Committee, …, calling
      // for"), never by the institution the person's title names.
      if (subjectName && cue.kind !== "call" && !keyTerms(pred).some((k) => k.named && !isPlace(k.key)) && !PASSIVE.test(pred)) {
        subjectThing = true;
        const np = subject.replace(/^\s*(?:the\s+)?/i, "");
        const whole = np.split(/\s+/).length <= 16 && !/,/.test(np);
        span[0] = whole ? cs + (subject.length - np.length) : cs + subject.lastIndexOf(subjectName);
        pred = s.text.slice(span[0], span[1]);
      }
      if (NOT_ACTION.test(pred) || NOT_BILATERAL.test(s.text.slice(cue.predStart).trim())) continue;
      if (/welcome/i.test(cue.cue) && HOSPITALITY.test(s.text.slice(cue.start).replace(/^\s*welcom\w*/i, ""))) continue;
      if (thirdNamed && !partnerNamed && !JOINT.test(s.text)) continue;
      const ctx: Ctx = { parsed, speaker, sides };
      for (const whole of thirdPartyClauses(s.text, splitVerbPhrases(s.text, span), sides)) {
        const vp = withoutPurpose(s.text, withoutFrame(s.text, whole), cue.cue);
        const vpText = s.text.slice(vp[0], vp[1]);
        if (NOT_ACTION.test(vpText) || COURTESY.test(vpText) || ATTENDANCE.test(vpText) || PARTY_ONLY.test(vpText.trim()) || TAKE_AS.test(vpText.trim())) continue;
        // "support its operation" after "the Luban Workshop in Dushanbe": the pronoun's name counts.
        const antecedent = /\b(?:its|their)\b/.test(vpText) ? institutionsIn(s.text.slice(0, vp[0])).at(-1) : undefined;
        // The world's peace, mankind, the developing countries: a slogan about everyone, not a
        // commitment of this pair (a named initiative or institution is still tracked).
        if (LIFT_RELATIONS.test(vpText.trim()) || SPIRIT.test(vpText.trim()) || HAND_ON.test(vpText.trim()) || FEATURING.test(vpText.trim()) || DIRECTION.test(vpText.trim())) continue;
        if (WORLD.test(vpText) && !institutionsIn(vpText).length && !/\b[A-Z][a-z]+ (?:[A-Z][a-z]+ )*Initiative\b/.test(vpText)) continue;
        // Relationship rhetoric: nothing but frames. Backing each other is a standing commitment all the same.
        if ((keyTerms(vpText).length === 0 || linkKeysOf(vpText).length === 0) && !antecedent && !anaphorOf(vpText) && !MUTUAL_SUPPORT.test(vpText)) continue;
        const { giver, receiver } = giverOf(subject, cue, vpText, ctx);
        // A subject noun phrase is one thing however many names it holds ("branches of the
        // Moscow Engineering Physics Institute and Bauman … University will open").
        const named = subjectThing ? [] : namedItems(s.text, vp);
        const pieces = named.length ? named.map((n) => ({ span: n, item: true })) : [{ span: vp, item: false }];
        for (const p of pieces) {
          const phrase = s.text.slice(p.span[0], p.span[1]);
          const phraseStart = s.start + p.span[0];
          if (s === cutOff && s.text.slice(p.span[1]).trim() === "") continue;
          if (out.some((o) => o.phraseStart === phraseStart && o.phraseEnd === phraseStart + phrase.length)) continue;
          let keys = linkKeysOf(phrase);
          let refersTo: Antecedent | undefined;
          if (!p.item && antecedent && !keyTerms(phrase).some((k) => k.named)) {
            keys = [...new Set([...linkKeysOf(antecedent), ...keys])];
            refersTo = { anaphor: /\b(?:its|their)\b/.exec(vpText)![0], phrase: antecedent };
          } else if (!p.item) {
            const r = resolveAntecedent(phrase, phraseStart, s.index, earlier);
            if (r) { keys = [...new Set([...r.keys, ...keys])]; refersTo = r.antecedent; }
          }
          const topicText = p.item ? phrase : vpText;
          out.push({
            quote: s.text, start: s.start, end: s.end,
            phrase, phraseStart, phraseEnd: phraseStart + phrase.length,
            sentenceIndex: s.index,
            speaker: speaker?.name ?? null,
            side: giver === "joint" ? "joint" : giver,
            giver, receiver,
            cue: cue.cue,
            firmness: cue.firmness,
            specificity: specificityOf(phrase, p.item),
            topic: classifyTopic(topicText),
            title: negated(cue, s.text, p.item
              ? makeTitle(phrase, { name: phrase, governing: `${vpText} ${passiveVerb ?? s.text.slice(cue.start, span[1])}` })
              : makeTitle(passiveVerb ? `${vpText.replace(/^([A-Z])(?=[a-z]+\s+[a-z])/, (c) => c.toLowerCase())} to ${passiveVerb}` : vpText)),
            linkKeys: keys,
            countryPair,
            ...(refersTo ? { antecedent: refersTo } : {}),
          });
          earlier.push({ phrase, keys, at: phraseStart, sentenceIndex: s.index, antecedent: refersTo });
        }
      }
    }
  }
  return out;
}
