import * as chrono from "chrono-node";

export interface FoundDate {
  year: number | null; month: number; day: number; start: number; end: number; text: string;
  /** Both numbers could be the month ("03.04.2017"): read in the page's order. */
  ambiguous?: boolean;
}
export interface WeekdayPhrase { weekday: number; start: number; end: number; text: string }

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTH_RE =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

const PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number | null, number, number] }[] = [
  // November 22, 2025 · Feb. 5, 2022 · March 3 (no year)
  { re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "g"), pick: (m) => [m[3] ? +m[3] : null, monthOf(m[1]), +m[2]] },
  // 12 Sep 2023 · 5 February 2022
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`, "g"), pick: (m) => [m[3] ? +m[3] : null, monthOf(m[2]), +m[1]] },
  // 2024-07-15
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, pick: (m) => [+m[1], +m[2], +m[3]] },
  // 02-Aug-2022
  { re: new RegExp(`\\b(\\d{1,2})-${MONTH_RE}-(\\d{4})\\b`, "g"), pick: (m) => [+m[3], monthOf(m[2]), +m[1]] },
  // 2018/4/27 · 2018.04.27: year first, then month
  { re: /\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b/g, pick: (m) => [+m[1], +m[2], +m[3]] },
];

/** Numeric dates with the year last ("14.03.2017", "9-06-2018", "03/14/2017"): which number is the
 *  day depends on the page, so they are read apart (see `numericOrder`). */
const NUMERIC_YEAR_LAST = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b/g;

export type NumericOrder = "day-first" | "month-first";

/**
 * How a page writes numeric dates: a first number over 12 can only be a day, a second over 12 only
 * a day; when the page never says, day first (the order of most ministry and news sites outside the
 * United States) unless the outlet is American.
 */
export function numericOrder(text: string, outletCountry?: string | null): { order: NumericOrder; reason: string } {
  for (const m of text.matchAll(NUMERIC_YEAR_LAST)) {
    if (+m[1] > 12 && +m[3] <= 12) return { order: "day-first", reason: `the page also writes ${m[0]}` };
    if (+m[3] > 12 && +m[1] <= 12) return { order: "month-first", reason: `the page also writes ${m[0]}` };
  }
  if (outletCountry === "United States") return { order: "month-first", reason: "an American outlet" };
  return { order: "day-first", reason: "no date on the page decides, and day first is the usual order" };
}

function numericDates(slice: string, from: number, order: NumericOrder): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of slice.matchAll(NUMERIC_YEAR_LAST)) {
    const a = +m[1];
    const b = +m[3];
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : order === "day-first" ? [a, b] : [b, a];
    const ambiguous = a <= 12 && b <= 12 && a !== b;
    out.push({ year: +m[4], month, day, start: from + m.index!, end: from + m.index! + m[0].length, text: m[0], ...(ambiguous ? { ambiguous: true } : {}) });
  }
  return out;
}

function monthOf(word: string): number {
  return MONTHS[word.slice(0, 3).toLowerCase()];
}

export function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function valid(y: number | null, m: number, d: number): boolean {
  if (!m || m > 12 || d < 1 || d > 31) return false;
  if (y === null) return true;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && y > 1900 && y < 2200;
}

export function findDates(text: string, from = 0, to = text.length, order: NumericOrder = "day-first"): FoundDate[] {
  const slice = text.slice(from, to);
  const out: FoundDate[] = numericDates(slice, from, order).filter((d) => valid(d.year, d.month, d.day));
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(slice))) {
      const [y, mo, d] = p.pick(m);
      const start = from + m.index;
      const end = start + m[0].length;
      if (!valid(y, mo, d)) continue;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ year: y, month: mo, day: d, start, end, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A header value such as "November 22, 2025 22:50" or "14:50, 02-Aug-2022". */
export function parseDateString(s: string, order: NumericOrder = "day-first"): string | null {
  const f = findDates(s, 0, s.length, order).find((d) => d.year !== null);
  if (f) return iso(f.year!, f.month, f.day);
  const c = chrono.parseDate(s);
  return c ? iso(c.getFullYear(), c.getMonth() + 1, c.getDate()) : null;
}

export function findWeekdays(text: string, from = 0, to = text.length): WeekdayPhrase[] {
  const re = /\b(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Ll]ate on|[Ee]arly on)\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:\s+(?:morning|afternoon|evening|night))?\b/g;
  const slice = text.slice(from, to);
  const out: WeekdayPhrase[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    // "Monday, March 4, 2024" is an explicit date, handled elsewhere.
    if (new RegExp(`^,?\\s*${MONTH_RE}\\s+\\d`).test(slice.slice(m.index + m[0].length))) continue;
    out.push({ weekday: WEEKDAYS.indexOf(m[1].toLowerCase()), start: from + m.index, end: from + m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function toUtc(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(isoDate: string, n: number): string {
  const dt = toUtc(isoDate);
  dt.setUTCDate(dt.getUTCDate() + n);
  return dt.toISOString().slice(0, 10);
}

export function weekdayOf(isoDate: string): number {
  return toUtc(isoDate).getUTCDay();
}

export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** Most recent `weekday` on or before `ref` — readouts report meetings that already happened. */
export function lastWeekdayOnOrBefore(ref: string, weekday: number): string {
  const back = (weekdayOf(ref) - weekday + 7) % 7;
  return addDays(ref, -back);
}

/** Year for a "March 3" with no year: the latest such day not after the reference. */
export function completeYear(d: FoundDate, ref: string): string | null {
  if (d.year !== null) return iso(d.year, d.month, d.day);
  const y = Number(ref.slice(0, 4));
  for (const yy of [y, y - 1]) {
    if (valid(yy, d.month, d.day) && iso(yy, d.month, d.day) <= ref) return iso(yy, d.month, d.day);
  }
  return null;
}

export const WEEKDAY_NAMES = WEEKDAYS;

/**
 * The day a page's address gives, when it gives one: news and ministry sites file articles under
 * their publication day (`/2021/0908/`, `/2022-02/06/`, `/201606/t20160623_…`, `/2013/05/13/`,
 * `/20130910/`, `/2018/04-26/`, `/03-Nov-2022/`). An address with a year and month only gives
 * `month` precision, which can still supply a year. Numbers that are not a real day are ignored.
 */
export function dateFromUrl(url: string | null | undefined): { iso: string; precision: "day" | "month"; text: string } | null {
  if (!url) return null;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const y = "(19[9]\\d|20\\d\\d)";
  const dayForms: { re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] }[] = [
    // /t20160623_… (ministry sites), /20130910/
    { re: new RegExp(`(?:^|[/_t-])${y}(\\d{2})(\\d{2})(?=[/_.-]|$)`), pick: (m) => [+m[1], +m[2], +m[3]] },
    // /2021/0908/
    { re: new RegExp(`/${y}/(\\d{2})(\\d{2})/`), pick: (m) => [+m[1], +m[2], +m[3]] },
    // a slug carrying an ISO day: /…-2018-10-13-…
    { re: new RegExp(`(?:^|[/_-])${y}-(\\d{2})-(\\d{2})(?=[/_.-]|$)`), pick: (m) => [+m[1], +m[2], +m[3]] },
    // /2013/05/13/, /2022-02/06/, /2018/04-26/
    { re: new RegExp(`/${y}[/-](\\d{1,2})[/-](\\d{1,2})(?=[/_.-]|$)`), pick: (m) => [+m[1], +m[2], +m[3]] },
    // /201908/28/
    { re: new RegExp(`/${y}(\\d{2})/(\\d{2})/`), pick: (m) => [+m[1], +m[2], +m[3]] },
    // /03-Nov-2022/
    { re: new RegExp(`/(\\d{1,2})-${MONTH_RE}-${y}(?=[/_.-]|$)`, "i"), pick: (m) => [+m[3], monthOf(m[2]), +m[1]] },
  ];
  for (const { re, pick } of dayForms) {
    const m = re.exec(pathname);
    if (!m) continue;
    const [yy, mm, dd] = pick(m);
    if (valid(yy, mm, dd)) return { iso: iso(yy, mm, dd), precision: "day", text: m[0].replace(/^[/_t-]|[/_.-]$/g, "") };
  }
  // /2020/09/… or /202305/…: the month only.
  const month = new RegExp(`/${y}/?(\\d{2})/`).exec(pathname);
  if (month && valid(+month[1], +month[2], 1)) return { iso: iso(+month[1], +month[2], 1), precision: "month", text: month[0] };
  return null;
}
