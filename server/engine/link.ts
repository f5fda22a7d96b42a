import { anaphorOf } from "./coreference";
import type { ExtractedMention } from "./extract-mentions";
import { AREA, FACILITY, features, stems, type Features } from "./features";
import { sameName, type Name } from "./names";
import { fieldFamily } from "./normalise";

export interface PledgeCandidate { id: number; title: string; topic: string; giver: string; countryPair: string; linkKeys: string[]; phrases: string[] }
export interface LinkDecision { pledgeId: number; confidence: number; reason: string }

export const LINK_THRESHOLD = 0.55;
export const LOW_CONFIDENCE = 0.7;


// Investment by one side in the other's economy, in the same field, is one flow however it is
// told: "attract more Chinese investment in textile, chemical and automotive industries" and
// "welcome Chinese companies to take part in the modernization of industrial enterprises". Which
// factories or branches are named illustrates the flow; a doubtful link, for an analyst to check.
const FLOW_SCORE = 0.6;

const CONTAINMENT_FACTOR = 0.8;
const ONE_WORD_CONTAINED = 0.65;
// A list of fields that includes a whole general commitment restates it, but doubtfully.
const LIST_SCORE = 0.6;
const LEAD_SCORE = 0.6;
// A list: a commitment that names this many objects.
const LIST_OBJECTS = 3;



/**
 * The keys a mention's pledge is filed under, and the keys a mention looks candidates up by, both
 * qualified by the country pair. A link needs a shared object when the mention has objects (a
 * general commitment scores at most 0.4 against a specific one), and a shared field when neither
 * has objects; so a specific phrase is filed under its objects, and a general one under its fields
 * marked `~`. Common field words then never pull every specific pledge of the pair into the
 * candidates. An investment flow is also filed under its investor and fields (`$`), since flows
 * link across that divide; a name under its initials and an acronym under its prefixes (`#`).
 *
 * Facility words (`center`, `park`, `hub`) are shared by unrelated facilities of a pair, so a
 * phrase with another object is filed under the facility only as `*center`, and looks up plain
 * `center`, which only facility-alone phrases (`build the center`) are filed under. Two phrases
 * that each have another object and share nothing but a facility word score below the threshold
 * (at most 0.5), so nothing linkable is lost; a facility-alone mention looks up `*center`, every
 * phrase with that facility.
 */
export function retrievalKeySets(mention: Pick<ExtractedMention, "phrase" | "countryPair" | "linkKeys" | "antecedent">): { file: string[]; look: string[] } {
  const f = features(mention.phrase, mention.countryPair, mention.linkKeys, mention.antecedent?.phrase);
  let file: string[];
  let look: string[];
  if (f.objects.length) {
    const things = f.objects.filter((k) => !FACILITY.has(k));
    const kinds = f.objects.filter((k) => FACILITY.has(k));
    file = [...things, ...kinds.map((k) => `*${k}`), ...(things.length ? [] : kinds)];
    look = [...things, ...kinds, ...(things.length ? [] : kinds.map((k) => `*${k}`))];
  } else {
    file = look = f.keys.map((k) => `~${k}`);
  }
  const extra: string[] = [];
  if (f.investor && !f.names.length && !f.facilities.length) {
    extra.push(...(f.fields.length ? f.fields.map((k) => `$${f.investor}>${k}`) : [`$${f.investor}`]));
    // A flow across a list of fields is also the general flow.
    if (f.fields.length >= LIST_OBJECTS) extra.push(`$${f.investor}`);
  }
  const family = f.objects.length ? null : f.family;
  if (leadField(f)) extra.push(`~${f.keys[0]}`);
  if (backsEachOther(f)) extra.push("&mutual-support");
  if (family) extra.push(`%${family}`);
  for (const n of f.names) {
    if (n.acronym) for (let len = Math.max(2, n.acronym.length - 2); len <= n.acronym.length; len++) extra.push(`#${n.acronym.slice(0, len)}`);
    else if (n.initials.length >= 2) extra.push(`#${n.initials}`);
  }
  const qualify = (keys: string[]) => [...new Set([...keys, ...extra])].map((k) => `${mention.countryPair}:${k}`);
  return { file: qualify(file), look: qualify(look) };
}

/** The keys a mention's pledge is filed under (see `retrievalKeySets`). */
export function retrievalKeys(mention: Pick<ExtractedMention, "phrase" | "countryPair" | "linkKeys" | "antecedent">): string[] {
  return retrievalKeySets(mention).file;
}

export function giversAgree(a: string, b: string): boolean {
  return a === b || a === "joint" || b === "joint";
}

const show = (f: Features, keys: string[]) => keys.map((k) => `'${f.words.get(k) ?? k}'`).join(", ");
const quote = (ph: string) => `"${ph.length > 60 ? `${ph.slice(0, 57)}…` : ph}"`;

/** How strongly one phrase already on a pledge says the same commitment as the mention. */
function comparePhrase(m: Features, c: Features, giverOk: boolean, ph: string): { score: number; reason: string } {
  // Named things decide first: a shared name is strong evidence even across givers, a
  // different name on each side means a different pledge.
  if (m.names.length && c.names.length) {
    let shared: Name | null = null;
    let inside: string[] = [];
    for (const a of m.names) {
      for (const b of c.names) {
        if (shared || !sameName(a, b)) continue;
        shared = a.tokens.length <= b.tokens.length ? a : b;
        // An acronym stands for its full name, kind included: "CPEC" is the "China-Pakistan
        // Economic Corridor", so that corridor is no other thing.
        inside = a.acronym || b.acronym ? [...a.tokens, ...b.tokens] : shared.tokens;
      }
    }
    // Aligning a strategy with the Belt and Road is the alignment pledge, not building the Belt
    // and Road: the shared name is what is aligned with.
    if (shared && aligns(m) !== aligns(c)) return { score: 0.45, reason: `shares named '${shared.label}' but only one aligns strategies (${quote(ph)})` };
    // An upgrade or a next phase of a named thing is a pledge of its own.
    if (shared && upgrades(m) !== upgrades(c)) return { score: 0.45, reason: `shares named '${shared.label}' but only one upgrades it (${quote(ph)})` };
    if (shared) {
      // Only the facility outside the name counts: "host the SCO summit" is not "cooperation
      // within the Shanghai Cooperation Organization".
      const extraM = m.facilities.filter((x) => !inside.includes(x) && !c.facilities.includes(x));
      const extraC = c.facilities.filter((x) => !inside.includes(x) && !m.facilities.includes(x));
      if (extraM.length || extraC.length) return { score: 0.45, reason: `shares named '${shared.label}' but ${show(extraM.length ? m : c, extraM.length ? extraM : extraC)} is another thing (${quote(ph)})` };
      return { score: 0.95, reason: `shares named '${shared.label}' (${quote(ph)})` };
    }
    return { score: 0, reason: `names a different thing ('${m.names[0].label}' vs '${c.names[0].label}')` };
  }
  const group = groupOfNamed(m, c) ?? groupOfKind(m, c);
  if (group) return { score: 0.4, reason: `${group}, a group, is not the one named in ${quote(ph)}` };
  if (!giverOk) return { score: 0, reason: "different giver" };
  const flow = sameFlow(m, c, ph);
  if (flow) return flow;
  const backing = mutualSupport(m, c, ph);
  if (backing) return backing;
  // Docking, synergy or alignment of the two sides' strategies is one standing commitment of a
  // pair, whichever strategy or corridor one mention names.
  if (aligns(m) && aligns(c) && !(m.names.length && c.names.length)) return { score: LIST_SCORE, reason: `both align the two sides' strategies, as ${quote(ph)}` };
  const shared = m.keys.filter((k) => c.keys.includes(k));
  if (!shared.length) return sameFamily(m, c, shared, ph) ?? { score: 0, reason: "no shared key terms" };
  // An object on one side counts as such on both: the smaller weight wins.
  const sharedW = shared.reduce((s, k) => s + Math.min(m.weights.get(k)!, c.weights.get(k)!), 0);
  const dice = (2 * sharedW) / (m.weight + c.weight);
  let score: number;
  let why: string;
  if (m.objects.length && c.objects.length) {
    // Reciprocity ("each other", "respective") says how, not what: it is no shared object.
    const sharedObjects = shared.filter((k) => k !== "mutual" && m.objects.includes(k) && c.objects.includes(k));
    // The same kind of action on another object ("import honey" vs "import lemons") is another pledge.
    if (!sharedObjects.length) return { score: 0, reason: `different objects (${show(m, m.objects)} vs ${show(c, c.objects)})` };
    // A restatement is often shorter than the detailed phrase ("anti-terrorism cooperation"), but
    // one word inside a longer phrase ("the fight against COVID-19" in "COVID-19 vaccine
    // assistance") is doubtful evidence.
    const factor = Math.min(m.keys.length, c.keys.length) >= 2 ? CONTAINMENT_FACTOR : ONE_WORD_CONTAINED;
    score = Math.max(dice, factor * (sharedW / Math.min(m.weight, c.weight)));
    why = `shares ${show(m, shared)} with ${quote(ph)}`;
    // The object a list of objects leads with is what it is about; what follows is often
    // told differently each time ("counter-terrorism, arms smuggling and cybercrime" ~ "the three
    // evil forces and border patrols"): a doubtful link, for review.
    // The word before it must agree too: "transport capacity" is not "production capacity".
    const before = (f: Features) => f.keys[f.keys.indexOf(f.objects[0]) - 1];
    if (score < LEAD_SCORE && m.objects[0] === c.objects[0] && before(m) === before(c) && Math.max(m.objects.length, c.objects.length) >= LIST_OBJECTS) {
      score = LEAD_SCORE;
      why = `leads with the same object ${show(m, [m.objects[0]])} as ${quote(ph)}`;
    }
  } else if (m.objects.length || c.objects.length) {
    // "deepen connectivity, open a new freight route" restates "improve connectivity": a phrase
    // that leads with the general commitment's one field, and names no facility or thing, is
    // that commitment followed by what the extractor kept with it; a doubtful link, for review.
    const [spec, gen] = m.objects.length ? [m, c] : [c, m];
    if (leadField(spec) && gen.keys.length === 1 && gen.keys[0] === spec.keys[0]) {
      return { score: LIST_SCORE, reason: `leads with the general commitment's field ${show(spec, [spec.keys[0]])} of ${quote(ph)}` };
    }
    // A general area commitment is its own pledge, apart from specific actions in the area.
    return { score: Math.min(0.4, dice / 2), reason: `only one is specific (${show(m.objects.length ? m : c, m.objects.length ? m.objects : c.objects)}); shares ${show(m, shared)} with ${quote(ph)}` };
  } else {
    // Two general commitments link only when they are essentially the same set of fields, or
    // one lists all of the other's (several) fields; one shared field is not enough.
    const fewer = Math.min(m.keys.length, c.keys.length);
    const contained = fewer >= 2 && shared.length === fewer;
    score = Math.max(dice, contained ? LIST_SCORE : 0);
    why = `same general commitment (${show(m, shared)}) as ${quote(ph)}`;
    // A list of fields across several areas is filed under the field it leads with ("cooperation
    // in economy and trade, connectivity …" restates "expand bilateral trade"): a doubtful link,
    // for review, and only against a commitment to that one field. Two phrases in one area still
    // need their own evidence ("regional security" is not "security cooperation").
    const lead = leadFamily(m);
    const other = leadFamily(c);
    const listAndField = (list: Features, one: Features) => families(list) > 1 && one.keys.every((k) => fieldFamily(k) === lead);
    if (lead && other && lead !== other && Math.max(families(m), families(c)) > 1) {
      // The same reading keeps two lists that lead with different areas apart, however many
      // fields they share ("infrastructure, agriculture, science" is not "economy, trade,
      // agriculture, science"): each is its lead area's commitment.
      return { score: Math.min(score, 0.4), reason: `leads with another area (${lead} vs ${other}) than ${quote(ph)}` };
    }
    if (score < LIST_SCORE && lead && lead === other && (listAndField(m, c) || listAndField(c, m) || (families(m) > 1 && families(c) > 1))) {
      score = LIST_SCORE;
      why = `same lead field (${lead}) of a general commitment as ${quote(ph)}`;
    }
    // "coordination within multilateral frameworks" ~ "coordination within multilateral
    // mechanisms such as the SCO": the same general commitment once its examples are set aside.
    const core = (f: Features) => new Set(f.keys.filter((k) => !f.examples.has(k)));
    const [cm, cc] = [core(m), core(c)];
    if (score < LIST_SCORE && cm.size && cm.size === cc.size && [...cm].every((k) => cc.has(k)) && (m.examples.size || c.examples.size)) {
      score = LIST_SCORE;
      why = `same general commitment (${show(m, [...cm])}), examples aside, as ${quote(ph)}`;
    }
    const family = score < LIST_SCORE ? sameFamily(m, c, shared, ph) : null;
    if (family) ({ score, reason: why } = family);
  }
  if (m.facilities.length && c.facilities.length && !m.facilities.some((x) => c.facilities.includes(x))) { score *= 0.3; why += "; different facilities"; }
  else if ((m.facilities.length > 0) !== (c.facilities.length > 0)) { score *= 0.5; why += "; only one names a facility"; }
  if (m.reciprocal !== c.reciprocal) { score *= 0.6; why += "; only one is reciprocal"; }
  return { score, reason: why };
}

/**
 * "the four major global initiatives" speaks of several things of a kind; "the Global Security
 * Initiative" names one of them. The group is a pledge of its own, and each named member too.
 */
function groupOfNamed(m: Features, c: Features): string | null {
  if (!m.names.length === !c.names.length) return null;
  const [named, other] = m.names.length ? [m, c] : [c, m];
  for (const n of named.names) {
    const head = n.label.split(/\s+/).at(-1)!;
    const kind = n.tokens.at(-1)!;
    const said = other.words.get(kind);
    // "branches of Russian universities" and "branches of the … Institute" share what they are
    // about, the branches: the named one is an example of it.
    const alsoShared = other.objects.some((k) => k !== kind && named.objects.includes(k));
    if (said && /s$/i.test(said) && !/s$/i.test(head) && !alsoShared) return `'${said}'`;
  }
  return null;
}

/**
 * "implement the agreements" speaks of every agreement of the pair; "make good use of the free
 * trade agreement" of one. A plural facility word alone is the group, not the one a qualifier picks.
 */
function groupOfKind(m: Features, c: Features): string | null {
  for (const [group, one] of [[m, c], [c, m]] as const) {
    if (group.objects.length !== 1 || !FACILITY.has(group.objects[0])) continue;
    const kind = group.objects[0];
    const said = group.words.get(kind);
    const oneSaid = one.words.get(kind);
    if (!said || !oneSaid || !/s$/i.test(said) || /s$/i.test(oneSaid)) continue;
    if (one.objects.some((o) => o !== kind)) return `'${said}'`;
  }
  return null;
}

/** One side's investment in the same field, with no facility or name to tell the two apart. A
 *  flow with no field is a general commitment, kept apart from a flow into one field. */
function sameFlow(m: Features, c: Features, ph: string): { score: number; reason: string } | null {
  if (!m.investor || m.investor !== c.investor) return null;
  if (m.names.length || c.names.length || m.facilities.length || c.facilities.length) return null;
  // Two flows into no field in particular ("Chinese firms are welcome to invest", "easier entry
  // for Chinese capital") are one general commitment; a flow into one field is not.
  if (!m.fields.length && !c.fields.length) return { score: FLOW_SCORE, reason: `same investment flow from ${m.investor}, into no field in particular, as ${quote(ph)}` };
  // A flow across a list of fields ("in energy, mining, industry and processing") is the general
  // flow told in full, as a list of fields restates a general commitment.
  const [none, many] = !m.fields.length ? [m, c] : !c.fields.length ? [c, m] : [null, null];
  if (none && many!.fields.length >= LIST_OBJECTS) return { score: FLOW_SCORE, reason: `same investment flow from ${m.investor}, across ${show(many!, many!.fields)}, as ${quote(ph)}` };
  const fields = m.fields.filter((k) => c.fields.includes(k));
  if (!fields.length) return null;
  const shared = m.keys.filter((k) => c.keys.includes(k));
  const sharedW = shared.reduce((t, k) => t + Math.min(m.weights.get(k)!, c.weights.get(k)!), 0);
  const dice = (2 * sharedW) / (m.weight + c.weight);
  return { score: Math.max(FLOW_SCORE, dice), reason: `same investment flow from ${m.investor} into ${show(m, fields)} as ${quote(ph)}` };
}

const SUPPORT = stems(["support", "help", "back", "assist", "respect"]);
// What mutual support is said to be about without becoming a project of its own.
const SUPPORT_ABOUT = new Set(["mutual", "core-interest", ...stems(["core", "issue", "concern", "matter", "question", "risk", "cope", "difficulty", "time"])]);

/** Both sides backing each other, about nothing more specific than their interests or challenges
 *  ("help each other advance the modernization drive" is about that drive). */
function backsEachOther(f: Features): boolean {
  return f.reciprocal && !f.names.length && !f.facilities.length && [...f.words.keys()].some((k) => SUPPORT.has(k)) && f.objects.every((k) => SUPPORT_ABOUT.has(k));
}

/**
 * "support each other on issues concerning core interests", "help and support each other to cope
 * with challenges", "firmly support each other": mutual support is one standing commitment of a
 * pair, whatever it is said to be about, unless a facility or a named thing makes it a project.
 */
function mutualSupport(m: Features, c: Features, ph: string): { score: number; reason: string } | null {
  if (!backsEachOther(m) || !backsEachOther(c)) return null;
  return { score: LIST_SCORE, reason: `both are mutual support, as ${quote(ph)}` };
}

const ALIGN = stems(["alignment"]);
const INTEGRATE = stems(["integrate", "connect"]);
const STRATEGY = stems(["strategy"]);
/** Aligning (docking, synergy, integrating) development strategies or initiatives. */
function aligns(f: Features): boolean {
  return f.keys.some((k) => ALIGN.has(k)) || (f.keys.some((k) => INTEGRATE.has(k)) && f.keys.some((k) => STRATEGY.has(k)));
}

const UPGRADE = stems(["upgrade", "upgraded", "upgrading", "phase", "version"]);
/** Upgrading a thing, or its next phase or version. */
function upgrades(f: Features): boolean {
  return [...f.words.keys()].some((k) => UPGRADE.has(k));
}

/** The field family of the first policy field a general commitment names. */
function leadFamily(f: Features): string | null {
  return f.lead;
}


/**
 * Two general commitments whose fields all belong to one family restate one area pledge ("cooperation
 * in tourism, culture and youth" ~ "people-to-people exchanges") when they share a field or one
 * lists several; two lone fields of a family ("trade" and "investment") stay apart.
 */
function sameFamily(m: Features, c: Features, shared: string[], ph: string): { score: number; reason: string } | null {
  if (m.objects.length || c.objects.length) return null;
  const family = m.family;
  if (!family || family !== c.family || (!shared.length && Math.max(m.keys.length, c.keys.length) < 2)) return null;
  return { score: LIST_SCORE, reason: `same field family (${family}) of a general commitment as ${quote(ph)}` };
}

/** A specific phrase that leads with a policy field and names no facility or thing. */
function leadField(f: Features): boolean {
  return f.objects.length > 0 && !f.objects.includes(f.keys[0]) && AREA.has(f.keys[0]) && !f.facilities.length && !f.names.length;
}


/** How many field families a phrase's keys span. */
function families(f: Features): number {
  return new Set(f.keys.map(fieldFamily).filter(Boolean)).size;
}

function scoreWith(mention: ExtractedMention, m: Features, candidate: PledgeCandidate): { score: number; reason: string } {
  if (mention.countryPair !== candidate.countryPair) return { score: 0, reason: `different country pair (${candidate.countryPair})` };
  const giverOk = giversAgree(mention.giver, candidate.giver);
  let best = { score: 0, reason: giverOk ? "no shared key terms" : `different giver (${mention.giver} vs ${candidate.giver})` };
  const phrases = candidate.phrases.length ? candidate.phrases : [candidate.title];
  for (const ph of phrases) {
    let f = features(ph, candidate.countryPair);
    // "support its operation", "provide financing for the Uzbek section": the phrase leans on a
    // thing said before it, which the pledge's keys kept.
    if (candidate.linkKeys.length && (!f.keys.length || anaphorOf(ph))) f = features(ph, candidate.countryPair, [...new Set([...f.keys, ...candidate.linkKeys])]);
    const r = comparePhrase(m, f, giverOk, ph);
    // With nothing better, say why the closest phrase was refused ("names a different thing").
    if (r.score > best.score || (best.score === 0 && r.score === 0 && r.reason !== "no shared key terms" && r.reason !== "different giver")) best = r;
  }
  let score = best.score;
  let reason = best.reason;
  if (score > 0) {
    // Topics come from the same words, so they only nudge.
    if (mention.topic === candidate.topic) reason += `; same topic ${candidate.topic}`;
    else { score -= 0.05; reason += `; topic differs (${mention.topic} vs ${candidate.topic})`; }
  }
  // Say when the evidence came through what the mention points back at.
  if (mention.antecedent) reason = `${quote(mention.antecedent.anaphor)} refers to ${quote(mention.antecedent.phrase)}; ${reason}`;
  score = Math.max(0, Math.min(1, score));
  return { score: Math.round(score * 100) / 100, reason };
}

const mentionFeatures = (mention: ExtractedMention) => features(mention.phrase, mention.countryPair, mention.linkKeys, mention.antecedent?.phrase);

export function scoreLink(mention: ExtractedMention, candidate: PledgeCandidate): { score: number; reason: string } {
  return scoreWith(mention, mentionFeatures(mention), candidate);
}

/** Creation order of candidate ids: stored pledges (older first), then pledges this
 *  readout started (negative placeholders -1, -2, …). */
const older = (a: number, b: number) => (a >= 0 && b >= 0 ? a < b : a >= 0 ? true : b >= 0 ? false : a > b);

/** A candidate scoring below the threshold but at least this much is a near miss: an analyst sees
 *  it on /review beside the engine's choice (a new pledge that may repeat it, or a doubtful link's
 *  rival). */
export const NEAR_MISS = 0.35;
/** Rival candidates kept per mention. */
export const MAX_ALTERNATIVES = 3;

export interface WeighedLinks {
  /** The candidate the mention joins, if one scores above the threshold. */
  best: LinkDecision | null;
  /** The other candidates scoring at least NEAR_MISS, best first (the planner keeps MAX_ALTERNATIVES). */
  alternatives: LinkDecision[];
}

/**
 * Every candidate scored. The best above the threshold is the link; on a tie, the pledge with the
 * mention's own giver (a joint restatement of a joint pledge before one side's pledge), then the
 * oldest: the same choice whatever order the candidates came in. The runners-up that came close
 * are kept for an analyst to compare.
 */
export function weighLinks(mention: ExtractedMention, candidates: PledgeCandidate[]): WeighedLinks {
  const m = mentionFeatures(mention);
  const scored: (LinkDecision & { sameGiver: boolean })[] = [];
  for (const c of candidates) {
    const { score, reason } = scoreWith(mention, m, c);
    if (score < NEAR_MISS) continue;
    scored.push({ pledgeId: c.id, confidence: score, reason, sameGiver: c.giver === mention.giver });
  }
  scored.sort((a, b) => b.confidence - a.confidence || (a.sameGiver !== b.sameGiver ? (a.sameGiver ? -1 : 1) : older(a.pledgeId, b.pledgeId) ? -1 : 1));
  const plain = ({ pledgeId, confidence, reason }: LinkDecision) => ({ pledgeId, confidence, reason });
  const best = scored.length && scored[0].confidence >= LINK_THRESHOLD ? plain(scored[0]) : null;
  return { best, alternatives: scored.slice(best ? 1 : 0).map(plain) };
}

/** The best-scoring candidate above the threshold (see `weighLinks`). */
export function chooseLink(mention: ExtractedMention, candidates: PledgeCandidate[]): LinkDecision | null {
  return weighLinks(mention, candidates).best;
}
