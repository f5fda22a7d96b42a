import { completeYear, dateFromUrl, findDates, iso, numericOrder, parseDateString, type NumericOrder } from "./dates";
import { analyseLayout, linesOf, type Layout } from "./furniture";
import { COUNTRIES, OUTLETS, countryOf } from "./gazetteer";
import { orderNote, resolveMeetingDate } from "./meeting-date";
import { countryMentions, findParticipants, findPlace, mergeParticipants, type Participant } from "./participants";
import { splitSentences, type Sentence } from "./sentences";

export type { Participant } from "./participants";

export interface ParsedReadout {
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  meetingDate: string | null;
  dateEvidence: string;
  place: string | null;
  countries: string[];
  participants: Participant[];
  analysedRanges: [number, number][];
  /** Sentences of the analysed text, offsets into the original. */
  sentences: Sentence[];
}

const OUTLET_HOME: Record<string, string> = {
  "Ministry of Foreign Affairs of China": "China", Xinhua: "China", CGTN: "China", "China Daily": "China",
  "Global Times": "China", TASS: "Russia", "RIA Novosti": "Russia", Kazinform: "Kazakhstan",
  "The Astana Times": "Kazakhstan", Khovar: "Tajikistan", "Asia-Plus": "Tajikistan", UzA: "Uzbekistan",
  "Tashkent Times": "Uzbekistan", AKIpress: "Kyrgyzstan", Kabar: "Kyrgyzstan",
};

const PUBLICATION_LABELS = ["published", "publication date", "release date", "released", "updated", "last updated", "posted", "date", "time"];

function findOutlet(text: string, layout: Layout): string | null {
  const furniture = layout.lines.filter((l) => l.kind !== "body").map((l) => l.text).join("\n");
  const source = layout.meta.find((m) => m.label === "source")?.value ?? "";
  const agency = layout.dateline?.agency ?? "";
  for (const hay of [source, agency, furniture]) {
    for (const [re, name] of OUTLETS) {
      const m = re.exec(hay);
      if (m) return name.replace("$1", m[1] ?? "");
    }
  }
  // CGTN's header prints "Updated 14:50, 02-Aug-2022" and nothing else naming the outlet.
  if (/^Updated \d{2}:\d{2}, \d{2}-[A-Z][a-z]{2}-\d{4}\s*$/m.test(text)) return "CGTN";
  return null;
}

function findPublished(layout: Layout, order: NumericOrder): string | null {
  for (const label of PUBLICATION_LABELS) {
    for (const m of layout.meta) {
      if (m.label !== label) continue;
      const d = parseDateString(m.value, order);
      if (d) return d;
    }
  }
  // An unlabelled date line or a byline in the header ("12 Sep 2023 10:02", "By … on 28 September 2023").
  for (const l of layout.lines) {
    if (l.kind === "body") break;
    if (l.text.trim().length < 40 || l.kind === "byline") {
      const f = findDates(l.text, 0, l.text.length, order).find((d) => d.year !== null);
      if (f) return iso(f.year!, f.month, f.day);
    }
  }
  return null;
}

function orderCountries(participants: Participant[], counts: Map<string, number>, text: string, home: string | null): string[] {
  const picked: string[] = [];
  for (const p of participants) if (p.side && !picked.includes(p.side)) picked.push(p.side);
  // "China-Tajikistan" style pairs name both sides at once.
  const pair = /\b([A-Z][a-z]+)-([A-Z][a-z]+)\b/g;
  const pairCounts = new Map<string, number>();
  let m: RegExpExecArray | null;
  while ((m = pair.exec(text))) {
    const a = countryOf(m[1]);
    const b = countryOf(m[2]);
    if (a && b && a !== b) {
      for (const c of [a, b]) pairCounts.set(c, (pairCounts.get(c) ?? 0) + 1);
    }
  }
  const ranked = [...new Set([...pairCounts.keys(), ...counts.keys()])].sort(
    (x, y) => (pairCounts.get(y) ?? 0) * 3 + (counts.get(y) ?? 0) - ((pairCounts.get(x) ?? 0) * 3 + (counts.get(x) ?? 0)),
  );
  for (const c of ranked) if (picked.length < 2 && !picked.includes(c)) picked.push(c);
  const two = picked.slice(0, 2);
  if (home && two.includes(home)) return [home, ...two.filter((c) => c !== home)];
  const first = (c: string) => {
    const i = text.search(new RegExp(`\\b(${c}|${COUNTRIES.find((x) => x.name === c)?.adjectives.join("|") ?? c})\\b`));
    return i < 0 ? Infinity : i;
  };
  return two.sort((x, y) => first(x) - first(y));
}

export function parseReadout(text: string, options?: { meetingDate?: string; sourceUrl?: string | null }): ParsedReadout {
  const layout = analyseLayout(text);
  const sentences = splitSentences(text, layout.analysedRanges);
  const outlet = findOutlet(text, layout);
  const numeric = numericOrder(text, outlet ? OUTLET_HOME[outlet] : null);
  // A page that prints no date of its own is dated by its address, when the address carries a day.
  const fromUrl = dateFromUrl(options?.sourceUrl);
  const printed = findPublished(layout, numeric.order);
  const publishedAt = printed ?? (fromUrl?.precision === "day" ? fromUrl.iso : null);
  const publishedBy = printed ? undefined : fromUrl?.precision === "day" ? `the page's address (${fromUrl.text})` : undefined;
  const bodyText = layout.analysedRanges.map(([s, e]) => text.slice(s, e)).join("\n");

  const sideDates: { iso: string; text: string; where: string; note?: string }[] = [];
  for (const l of linesOf(layout, "caption", "heading", "title")) {
    for (const d of findDates(text, l.start, l.end, numeric.order)) {
      if (d.year !== null) sideDates.push({ iso: iso(d.year, d.month, d.day), text: d.text, where: l.kind === "caption" ? "photo caption" : l.kind, note: orderNote(d, numeric) });
    }
  }
  if (layout.dateline && publishedAt) {
    const d = completeYear({ year: null, month: findDates(`${layout.dateline.month} ${layout.dateline.day}`)[0]?.month ?? 0, day: layout.dateline.day, start: 0, end: 0, text: "" }, publishedAt);
    if (d) sideDates.push({ iso: d, text: `${layout.dateline.city}, ${layout.dateline.month} ${layout.dateline.day}`, where: "dateline" });
  }

  let meetingDate: string | null;
  let dateEvidence: string;
  if (options?.meetingDate) {
    meetingDate = options.meetingDate;
    dateEvidence = `supplied by the caller: ${options.meetingDate}`;
  } else {
    const r = resolveMeetingDate({ text, sentences, publishedAt, publishedBy, monthHint: fromUrl?.precision === "month" ? fromUrl : null, sideDates, numeric });
    meetingDate = r.date;
    dateEvidence = r.evidence;
  }

  const found = findParticipants(text, sentences);
  const counts = countryMentions(text, layout.analysedRanges);
  const home = outlet ? OUTLET_HOME[outlet] ?? null : null;
  const provisional = mergeParticipants(found, []);
  const countries = orderCountries(provisional, counts, bodyText, home);
  const participants = mergeParticipants(found, countries);
  // Without a known home outlet, the side named first among the participants leads.
  if (!home) {
    const order = participants.map((p) => p.side).filter((c): c is string => !!c && countries.includes(c));
    countries.sort((x, y) => (order.indexOf(x) + 1 || 99) - (order.indexOf(y) + 1 || 99));
  }

  const captions = linesOf(layout, "caption").map((l) => l.text);
  const early = sentences.slice(0, 3).map((s) => s.text);
  const place =
    (layout.dateline ? titleCase(layout.dateline.city) : null) ??
    findPlace(early) ??
    findPlace(captions) ??
    findPlace(layout.title ? [layout.title] : []) ??
    findPlace(sentences.map((s) => s.text));

  const title = layout.title ?? meetingTitle(participants, countries, place) ?? (sentences[0] ? shortTitle(sentences[0].text) : "");
  return { title, outlet, publishedAt, meetingDate, dateEvidence, place, countries, participants, analysedRanges: layout.analysedRanges, sentences };
}

/** A readout without a headline gets one an analyst would write: who met whom, and where. */
function meetingTitle(participants: Participant[], countries: string[], place: string | null): string | null {
  const lead = countries.map((c) => participants.find((p) => p.side === c)).filter((p): p is Participant => !!p);
  if (lead.length < 2) return null;
  return `${lead[0].name} and ${lead[1].name} meet${place ? ` in ${place}` : ""}`;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])([a-z])/g, (_, p, c) => p + c.toUpperCase());
}

function shortTitle(s: string): string {
  return s.length <= 140 ? s : `${s.slice(0, s.lastIndexOf(" ", 137))}…`;
}
