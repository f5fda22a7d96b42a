import { COUNTRIES, CUES, FAMILIES, FILLER, JOINT_CUES, NAMED, PAIRS, type Family } from "./catalogue";

/** Ground truth of one synthetic readout: which span names which pledge. */
export interface SynthTruth {
  file: string;
  meetingDate: string;
  pair: string;
  mentions: { pledge: string; start: number; end: number }[];
}

export interface SynthReadout {
  file: string;
  text: string;
  truth: SynthTruth;
}

interface PledgeSpec {
  key: string;
  family: Family;
  named: string | null;
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same corpus. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}
type Rng = ReturnType<typeof rng>;

const SYLLABLES = ["ka", "ra", "tau", "vakh", "sh", "zar", "and", "bek", "mir", "sor", "dan", "kul", "tash", "ob", "rud", "gor", "nur", "sai", "khan", "lan", "pa", "ter", "mo", "vol", "ost"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function placeName(r: Rng): string {
  const n = r.int(2, 3);
  let s = "";
  for (let i = 0; i < n; i++) s += r.pick(SYLLABLES);
  return s[0].toUpperCase() + s.slice(1);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function fill(template: string, home: string, partner: string, named: string | null): string {
  const h = COUNTRIES[home];
  const p = COUNTRIES[partner];
  return template
    .replaceAll("{X}", named ?? "")
    .replaceAll("{P}", p.adjective)
    .replaceAll("{p}", p.name)
    .replaceAll("{H}", h.adjective)
    .replaceAll("{h}", h.name);
}

/** Generates `meetings` readouts with their ground truth, deterministically for `seed`. */
export function* generateCorpus(meetings: number, seed = 1): Generator<SynthReadout> {
  const r = rng(seed);
  const pools = new Map<string, PledgeSpec[]>();
  const byKey = new Map<string, PledgeSpec>();
  const start = Date.UTC(2000, 0, 1);
  const span = Date.UTC(2026, 5, 30) - start;
  // Meetings are spread over the years in order, so recurrence runs forward in time.
  // One pair meets at most once a day, as in life: two readouts of one pair, day and outlet with
  // the same people would be two versions of one readout, and another outlet's the same meeting.
  let day = -1;
  const metToday = new Set<string>();
  for (let i = 0; i < meetings; i++) {
    const date = new Date(start + Math.floor(((i + r.next()) / meetings) * span));
    date.setUTCHours(0, 0, 0, 0);
    if (date.getTime() !== day) {
      day = date.getTime();
      metToday.clear();
    }
    let [home, partner] = r.pick(PAIRS);
    for (let tries = 0; metToday.has(`${home}|${partner}`) && tries < 50; tries++) [home, partner] = r.pick(PAIRS);
    const pair = `${home}|${partner}`;
    metToday.add(pair);
    const pool = pools.get(pair) ?? [];
    pools.set(pair, pool);

    const chosen: PledgeSpec[] = [];
    const count = r.int(3, 6);
    for (let k = 0; k < count; k++) {
      let spec: PledgeSpec | undefined;
      if (pool.length > 0 && r.next() < 0.45) {
        // Zipf-like: early pledges of a pair come back far more often than late ones.
        const index = Math.min(pool.length - 1, Math.floor(pool.length * Math.pow(r.next(), 3)));
        spec = pool[index];
      } else {
        const family = r.pick(FAMILIES);
        let named: string | null = null;
        if (family.slot === "institution" || family.slot === "project") {
          named = `${placeName(r)} ${r.pick(NAMED[family.slot])}`;
        } else if (family.slot) {
          named = r.pick(NAMED[family.slot]);
        }
        const key = `${pair}:${family.key}:${named ?? "-"}`;
        spec = byKey.get(key);
        if (!spec) {
          spec = { key, family, named };
          pool.push(spec);
          byKey.set(key, spec);
        }
      }
      if (!chosen.includes(spec)) chosen.push(spec);
    }
    yield renderReadout(r, i, home, partner, date, chosen);
  }
}

function renderReadout(r: Rng, index: number, home: string, partner: string, date: Date, pledges: PledgeSpec[]): SynthReadout {
  const h = COUNTRIES[home];
  const p = COUNTRIES[partner];
  const inHome = r.next() < 0.5;
  const city = inHome ? h.capital : p.capital;
  const leaders = r.next() < 0.6;
  const homeSpeaker = leaders ? h.leader : h.minister;
  const partnerSpeaker = leaders ? p.leader : p.minister;
  const published = new Date(date.getTime() + r.int(0, 5) * 86_400_000);
  const weekdayStyle = r.next() < 0.4;
  const when = weekdayStyle
    ? `on ${WEEKDAYS[date.getUTCDay()]}`
    : `On ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  const lead = weekdayStyle
    ? `${h.adjective} ${homeSpeaker} ${when} met with ${p.adjective} ${partnerSpeaker} in ${city}.`
    : `${when}, ${h.adjective} ${homeSpeaker} held talks with ${p.adjective} ${partnerSpeaker} in ${city}.`;
  const title = r.pick([`${h.name}, ${p.name} pledge closer cooperation`, `${homeSpeaker.split(" ").pop()} meets ${partnerSpeaker.split(" ").pop()} in ${city}`, `${h.name} and ${p.name} agree to deepen partnership`]);

  const layout = r.int(0, 3);
  const header = [
    `Ministry of Foreign Affairs\n${title}\nUpdated: ${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()}, ${published.getUTCFullYear()} 18:30\n\n`,
    `${title}\nUpdated 10:15, ${String(published.getUTCDate()).padStart(2, "0")}-${MONTHS[published.getUTCMonth()].slice(0, 3)}-${published.getUTCFullYear()}\n\n`,
    ` date ${iso(published)} `,
    `Home > NEWS > World >\n\n\n${title}\n\nRelease Date:${iso(published)} 09:12:44     Source:Xinhua\n\n`,
  ][layout];
  const footer = ["", "\n\nSearch Trends", "", "\n\nEditor: Lin\n\nAbout us | Contact us | Legal notice"][layout];

  let text = header + lead + "\n\n";
  const mentions: SynthTruth["mentions"] = [];
  for (const spec of pledges) {
    if (r.next() < 0.5) text += fill(r.pick(FILLER), home, partner, null) + " ";
    const variant = r.pick(spec.family.variants);
    const fromPartner = variant.startsWith("partner:") || spec.family.giver === "partner";
    const phrase = fill(variant.replace(/^partner:/, ""), home, partner, spec.named);
    const joint = spec.family.giver === "joint";
    const subject = joint ? "the two sides" : fromPartner ? p.name : h.name;
    const speaker = fromPartner ? partnerSpeaker : homeSpeaker;
    const cue = joint ? r.pick(JOINT_CUES) : r.pick(CUES);
    const verbCue = joint && cue === "will" ? "will" : cue;
    const before = `${speaker.split(" ").slice(-2).join(" ")} said that ${subject} ${verbCue} `;
    text += before;
    mentions.push({ pledge: spec.key, start: text.length, end: text.length + phrase.length });
    text += `${phrase}.\n\n`;
  }
  text += `The two sides also signed several cooperation documents.${footer}\n`;
  const file = `${String(index).padStart(6, "0")}.txt`;
  return { file, text, truth: { file, meetingDate: iso(date), pair: `${home}|${partner}`, mentions } };
}
