/**
 * Formatting shared by server and client. Meeting dates are calendar dates
 * stored at UTC midnight, so every calculation here stays in UTC to avoid a
 * date shifting by one day in a browser west of Greenwich.
 */

const DAY_MS = 86_400_000;

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** "2022-02-05" */
export function isoDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  return toDate(value).toISOString().slice(0, 10);
}

const LONG = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const SHORT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "5 February 2022" */
export function longDate(value: Date | string | null | undefined): string {
  return value ? LONG.format(toDate(value)) : "";
}

/** "5 Feb 2022" */
export function shortDate(value: Date | string | null | undefined): string {
  return value ? SHORT.format(toDate(value)) : "";
}

export function daysBetween(from: Date | string, to: Date | string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

/** Whole calendar months between two dates, counting a month only once its day is reached. */
export function monthsBetween(from: Date | string, to: Date | string): number {
  const a = toDate(from);
  const b = toDate(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A gap between two dates in the words an analyst would use: "same day", "3 weeks", "14 months", "2 years 3 months". */
export function gapWords(from: Date | string, to: Date | string): string {
  const days = daysBetween(from, to);
  if (days <= 0) return "same day";
  if (days < 14) return plural(days, "day");
  const months = monthsBetween(from, to);
  if (months < 1) return plural(Math.floor(days / 7), "week");
  if (months < 24) return plural(months, "month");
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${plural(years, "year")} ${plural(rest, "month")}` : plural(years, "year");
}

/** Years as a short decimal ("2.4 yrs"); under a month shows "<0.1 yrs". */
export function yearsLabel(days: number | null | undefined): string {
  if (days === null || days === undefined) return "";
  const years = days / 365.25;
  if (years > 0 && years < 0.05) return "<0.1 yrs";
  return `${years.toFixed(1)} yrs`;
}

const COUNT = new Intl.NumberFormat("en-GB");

export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function percent(part: number, whole: number): string {
  if (!whole) return "0%";
  return `${Math.round((part / whole) * 100)}%`;
}

/** "China → Tajikistan", or "Joint" when both sides commit together. */
export function directionLabel(giver: string, receiver: string | null | undefined): string {
  if (giver.toLowerCase() === "joint") return "Joint";
  return receiver ? `${giver} → ${receiver}` : giver;
}

/** The URL value for a direction filter; the inverse of parsing done in the pledge query. */
export function directionKey(giver: string, receiver: string | null | undefined): string {
  if (giver.toLowerCase() === "joint") return "joint";
  return receiver ? `${giver}>${receiver}` : giver;
}

/** "2026-12-04 13:58 UTC": when a history entry was written, to the minute. */
export function dateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  return `${toDate(value).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
