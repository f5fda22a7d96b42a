import {
  addDays, completeYear, daysBetween, findDates, findWeekdays, iso, lastWeekdayOnOrBefore, weekdayOf, WEEKDAY_NAMES, type FoundDate, type NumericOrder,
} from "./dates";
import type { Sentence } from "./sentences";
import { findCues } from "./cues";
import { eventYear } from "./events";

export interface MeetingDate { date: string | null; evidence: string }

const MEETING_CONTEXT =
  /\b(met|meets|meet|meeting|talks|agreed|agreement|deal|held|holds|hosted|hosts|received|receives|dialogue|visit|visiting|arrived|arrives|phone|call|conversation|press|summit|session|consultations|spoke|negotiations|co-chaired|chaired|attended|signed)\b/i;
// A weekday far from publication is not the meeting this readout reports.
const MAX_LAG_DAYS = 14;
// A day without a year is read in the year before publication only this close to it.
const YEARLESS_LAG_DAYS = 180;
// Sentences about what is still to come: invitations, plans, schedules.
const AHEAD = /\b(?:invited|invites|inviting|plans?|planned|planning|scheduled|to be held|upcoming|next year|forthcoming)\b/i;

interface Inputs {
  text: string;
  sentences: Sentence[];
  publishedAt: string | null;
  /** Where the publication date comes from when the page does not print it (its address). */
  publishedBy?: string;
  /** A month the page's address gives, used only to complete a year-less day. */
  monthHint?: { iso: string; text: string } | null;
  /** Today, for a year-less day on a page that gives no year at all (tests fix it). */
  today?: string;
  /** Full dates outside the analysed text: captions, datelines. */
  sideDates: { iso: string; text: string; where: string; note?: string }[];
  /** How the page orders day and month in numeric dates, and why. */
  numeric?: { order: NumericOrder; reason: string };
}

function quote(s: string): string {
  return `"${s.replace(/\s+/g, " ").trim()}"`;
}

/** "9-06-2018 read day first (no date on the page decides …); month first would be 6 September". */
export function orderNote(d: FoundDate, numeric: Inputs["numeric"]): string {
  if (!d.ambiguous || !numeric) return "";
  const other = iso(d.year!, d.day, d.month);
  return `; ${d.text} read ${numeric.order} because ${numeric.reason}, the other reading is ${other}`;
}

export function resolveMeetingDate(inputs: Inputs): MeetingDate {
  const r = resolve(inputs);
  if (!r.date || !inputs.publishedBy || !inputs.publishedAt || !r.evidence.includes(inputs.publishedAt)) return r;
  return { ...r, evidence: `${r.evidence}; publication date from ${inputs.publishedBy}` };
}

function resolve({ text, sentences, publishedAt, monthHint, today, sideDates, numeric }: Inputs): MeetingDate {
  const ref = publishedAt;
  const order = numeric?.order ?? "day-first";
  const early = sentences.slice(0, 4);
  const explicitIn = (ss: Sentence[], needContext: boolean) => {
    for (const s of ss) {
      if (needContext && !MEETING_CONTEXT.test(s.text)) continue;
      for (const d of findDates(text, s.start, s.end, order)) {
        const full = d.year !== null ? iso(d.year, d.month, d.day) : ref ? completeYear(d, ref) : null;
        if (!full) continue;
        // A stated full date after publication is kept (and the readout refused for it); a year
        // guessed from the publication date never lands after it.
        if (ref && full > ref && d.year === null) continue;
        // Nor does it land most of a year before: "until Jan 23" on a page of 20 January is not last year.
        if (ref && d.year === null && daysBetween(full, ref) > YEARLESS_LAG_DAYS) continue;
        // Phrase covering the date, e.g. "On the afternoon of July 5, 2024 local time".
        const lead = /\b(?:On|on|As of)\s+(?:the\s+\w+\s+of\s+)?$/.exec(text.slice(Math.max(s.start, d.start - 30), d.start));
        const tail = /^,?\s*local time/.exec(text.slice(d.end, d.end + 14));
        const phrase = text.slice(lead ? d.start - lead[0].length : d.start, tail ? d.end + tail[0].length : d.end);
        // "Beijing, 29 November 2022 (Agency): …": a dateline says when the report was filed.
        // "(Agency - 12th June, 2020) … on Thursday" too.
        const before = text.slice(s.start, d.start);
        const dateline = d.start - s.start <= 60 && (before.lastIndexOf("(") > before.lastIndexOf(")") || /^\s*(?:\([^)]{1,40}\)\s*)?(?::|--|—|–|-\s)/.test(text.slice(d.end, d.end + 45)));
        return { full, phrase: phrase + orderNote(d, numeric), yearGiven: d.year !== null, dateline };
      }
    }
    return null;
  };

  // 1. A full date in an opening sentence about the meeting.
  const explicit = explicitIn(early, true);
  // "Phnom Penh, Apr. 28 – At 15:30 of 27 April 2020, the minister had a telephone conversation
  // …": a dateline without a year, then the day of the meeting with its year.
  const stated = explicit && !explicit.yearGiven && explicit.dateline ? statedBefore(early, explicit.full) : null;
  if (stated) return { date: stated.iso, evidence: `explicit ${quote(stated.phrase)}, the day the meeting was held, before the dateline ${quote(explicit!.phrase)}` };
  if (explicit && explicit.yearGiven) {
    const held = explicit.dateline ? heldOn(early, explicit.full) : null;
    if (held) return { date: held.iso, evidence: `explicit ${quote(held.phrase)}, the day the meeting was held, before the dateline ${quote(explicit.phrase)}` };
    // "(Agency - 12th June, 2020) Xi on Thursday during phone talks …": the weekday before the dateline.
    const wd = explicit.dateline ? early.flatMap((x) => findWeekdays(text, x.start, x.end))[0] : undefined;
    if (wd) {
      const day = lastWeekdayOnOrBefore(explicit.full, wd.weekday);
      if (day < explicit.full) return { date: day, evidence: `weekday ${quote(wd.text)} before the dateline ${quote(explicit.phrase)}` };
    }
    return { date: explicit.full, evidence: `explicit ${quote(explicit.phrase)}` };
  }

  // 2. A weekday near the top, resolved against the publication date; a full date elsewhere
  //    (usually a photo caption) on the same weekday and not long before publication is preferred.
  let weekday: { weekday: number; text: string } | null = null;
  for (const s of early) {
    const w = findWeekdays(text, s.start, s.end)[0];
    if (w) { weekday = w; break; }
  }
  if (weekday) {
    const agreeing = sideDates
      .concat(explicit ? [{ iso: explicit.full, text: explicit.phrase, where: "text" }] : [])
      .filter((d) => weekdayOf(d.iso) === weekday!.weekday && (!ref || (d.iso <= ref && daysBetween(d.iso, ref) <= MAX_LAG_DAYS)))
      .sort((a, b) => (a.iso < b.iso ? 1 : -1))[0];
    if (agreeing) {
      return {
        date: agreeing.iso,
        evidence: `weekday ${quote(weekday.text)} agrees with explicit ${quote(agreeing.text)} (${agreeing.where})`,
      };
    }
    if (ref) {
      return {
        date: lastWeekdayOnOrBefore(ref, weekday.weekday),
        evidence: `weekday ${quote(weekday.text)} before publication ${ref}`,
      };
    }
  }
  if (explicit) return { date: explicit.full, evidence: `explicit ${quote(explicit.phrase)} (year from publication ${ref})` };

  // 3. Relative words in the opening sentences ("last week" names no day: a week before, said so).
  if (ref) {
    for (const s of early) {
      const r = /\b(today|yesterday|last week)\b/i.exec(s.text);
      if (r && MEETING_CONTEXT.test(s.text)) {
        const word = r[1].toLowerCase();
        const back = word === "yesterday" ? 1 : word === "last week" ? 7 : 0;
        const approx = word === "last week" ? " (the text names no day; a week before is assumed)" : "";
        return { date: addDays(ref, -back), evidence: `relative ${quote(r[0])} before publication ${ref}${approx}` };
      }
    }
  }

  // 4. A full date in a caption or dateline, then anywhere in a meeting sentence.
  const side = sideDates.find((d) => !ref || d.iso <= ref);
  if (side) return { date: side.iso, evidence: `explicit ${quote(side.text)} (${side.where})${side.note ?? ""}` };
  const later = explicitIn(sentences, true);
  if (later) return { date: later.full, evidence: `explicit ${quote(later.phrase)} in a later sentence` };
  // 5. A full date anywhere in the text, then the page's own date: the readout names no day of its
  //    own, and readouts are mostly published the day of the meeting.
  const anywhere = explicitIn(sentences, false);
  if (anywhere?.yearGiven) return { date: anywhere.full, evidence: `explicit ${quote(anywhere.phrase)}, the only full date in the text` };
  if (ref) return { date: ref, evidence: `the text names no day of its own; publication date ${ref} assumed` };
  // 6. A day without a year on a page with no publication date: the year comes from the page's
  //    address, else the latest year the text names, else this year; the evidence says which.
  const yearless = (ss: Sentence[], needContext: boolean) =>
    ss.filter((s) => !needContext || MEETING_CONTEXT.test(s.text)).flatMap((s) => findDates(text, s.start, s.end, order)).find((d) => d.year === null);
  const partial = yearless(early, true) ?? yearless(sentences, false);
  if (partial) {
    const now = today ?? new Date().toISOString().slice(0, 10);
    // Years of targets and plans ("reach US$6 billion by 2020", "plans to hold the summit in
    // January 2018") look ahead of the meeting: only years in sentences that pledge nothing count,
    // unless no other year is named.
    const yearsIn = (t: string) => [...t.matchAll(/(?<!\b(?:by|until|till|through|before)\s+(?:(?:the\s+)?end\s+of\s+)?)\b(19[9]\d|20\d\d)\b/g)].map((m) => m[1]).filter((y) => y <= now.slice(0, 4));
    const described = sentences.filter((x) => findCues(x.text).length === 0 && !AHEAD.test(x.text)).flatMap((x) => yearsIn(x.text));
    const named = described.sort().at(-1);
    // Only years still to come ("invited him to visit in 2018"): the meeting was before the first.
    // A year after "in" is when something is to happen; any other ("the 2019 agreement") has been.
    const forward = [...text.matchAll(/\bin\s+(?:(?:early|late|mid-)\s*)?(?:[A-Z][a-z]+\s+)?(19[9]\d|20\d\d)\b/g)].map((m) => m[1]).sort();
    const been = yearsIn(text).filter((y) => !forward.includes(y)).sort().at(-1);
    const first = forward[0] ? String(Number(forward[0]) - 1) : undefined;
    const fallbackYear = named ? undefined : first && (!been || been <= first) ? first : been;
    // "ISLAMABAD, March 22: … who called on him on Tuesday": the latest year in which that day
    // fell on that weekday.
    const wk = [...early.filter((s) => MEETING_CONTEXT.test(s.text)), ...early].flatMap((s) => findWeekdays(text, s.start, s.end))[0];
    let weekdayYear: string | null = null;
    for (let y = Number(now.slice(0, 4)); wk && !weekdayYear && y > Number(now.slice(0, 4)) - 28; y--) {
      const day = completeYear(partial, `${y}-12-31`);
      if (day && day.startsWith(String(y)) && day <= now && weekdayOf(day) === wk.weekday) weekdayYear = day;
    }
    // "on 10 June … on the sidelines of the SCO summit in Qingdao": the year that meeting was held.
    const event = eventYear(text, partial.month);
    const hint = monthHint
      ? { ref: endOfMonth(monthHint.iso), why: `the page's address (${monthHint.text})` }
      : event
        ? { ref: `${event.year}-12-31`, why: `the ${event.label} it names, held in ${event.year}` }
      : weekdayYear
        ? { ref: weekdayYear, why: `the weekday it names (${quote(wk!.text)}): the latest year that day fell on it` }
        : named
        ? { ref: `${named}-12-31`, why: `the latest year the text names (${named})` }
        : fallbackYear
        ? { ref: `${fallbackYear}-12-31`, why: fallbackYear === first ? `the year before ${forward[0]}, the first year the text looks ahead to` : `the latest year the text names (${fallbackYear})` }
        : { ref: now, why: "the text names no year; the latest such day before today is assumed" };
    const full = completeYear(partial, hint.ref) ?? completeYear(partial, now);
    if (full) return { date: full, evidence: `explicit ${quote(partial.text)}, year from ${hint.why}` };
  }
  return { date: null, evidence: "no recognisable meeting date" };
}

/**
 * "The talks were held on the afternoon of November 28" under a dateline of the 29th: the day the
 * text says the meeting was held, when it is on or up to two weeks before the dateline.
 */
function heldOn(sentences: Sentence[], dateline: string): { iso: string; phrase: string } | null {
  for (const s of sentences) {
    if (!MEETING_CONTEXT.test(s.text)) continue;
    for (const m of s.text.matchAll(HELD_ON)) {
      const at = m.index + m[0].length;
      const d = findDates(s.text, at, Math.min(s.text.length, at + 30)).find((x) => x.start === at);
      if (!d) continue;
      const full = d.year !== null ? iso(d.year, d.month, d.day) : completeYear(d, dateline);
      if (full && full < dateline && daysBetween(full, dateline) <= MAX_LAG_DAYS) return { iso: full, phrase: s.text.slice(m.index, d.end).trim() };
    }
  }
  return null;
}
/** A full date, year stated, in an opening sentence about the meeting, on or before the dateline. */
function statedBefore(sentences: Sentence[], dateline: string): { iso: string; phrase: string } | null {
  for (const s of sentences) {
    if (!MEETING_CONTEXT.test(s.text)) continue;
    for (const d of findDates(s.text)) {
      if (d.year === null) continue;
      const full = iso(d.year, d.month, d.day);
      if (full && full <= dateline && daysBetween(full, dateline) <= MAX_LAG_DAYS) return { iso: full, phrase: s.text.slice(d.start, d.end) };
    }
  }
  return null;
}
const HELD_ON = /\bon\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?/gi;

function endOfMonth(isoDate: string): string {
  return addDays(addDays(isoDate.slice(0, 8) + "01", 32).slice(0, 8) + "01", -1);
}

export function describeWeekday(n: number): string {
  return WEEKDAY_NAMES[n];
}
