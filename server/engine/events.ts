import data from "./events.json" with { type: "json" };

/**
 * Recurring multilateral meetings (`events.json`): an SCO or BRICS summit, the Belt and Road Forum,
 * the Eastern Economic Forum. Bilateral talks are often held on their sidelines, and a readout that
 * gives its day without a year ("on 10 June") still names the meeting it was held at, with its host
 * city ("the SCO summit in Qingdao") or its ordinal ("the 4th Eastern Economic Forum").
 */
interface Held { year: number; month: number; cities: string[] }
interface Series { name: string; re: RegExp; held: Held[]; complete: boolean }

const SERIES: Series[] = data.series.map((s) => ({
  name: s.name,
  re: new RegExp(s.pattern, "gi"),
  held: s.held.map(([year, month, city]) => ({ year: Number(year), month: Number(month), cities: String(city).split("|").filter(Boolean) })),
  complete: "complete" in s && s.complete === true,
}));

// "the 6th Greater Mekong Sub-region Summit", "the fourth China International Import Expo".
const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
const ORDINAL_BEFORE = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${ORDINAL_WORDS.join("|")}))\\s+(?:(?:annual|session\\s+of\\s+the|edition\\s+of\\s+the)\\s+)?$`, "i");

export interface NamedEvent { name: string; year: number; month: number; label: string }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The meetings of a series the text names, each by its ordinal or by a host city in the same sentence. */
export function namedEvents(text: string): NamedEvent[] {
  const found: NamedEvent[] = [];
  for (const series of SERIES) {
    series.re.lastIndex = 0;
    for (const m of text.matchAll(series.re)) {
      const at = m.index!;
      const from = Math.max(text.lastIndexOf(".", at), text.lastIndexOf("\n", at)) + 1;
      const stops = [text.indexOf(".", at + m[0].length), text.indexOf("\n", at + m[0].length)].filter((i) => i >= 0);
      const sentence = text.slice(from, stops.length ? Math.min(...stops) : text.length);
      const ordinal = ORDINAL_BEFORE.exec(text.slice(Math.max(from, at - 40), at));
      if (ordinal && series.complete) {
        const n = ordinal[1] ? Number(ordinal[1]) : ORDINAL_WORDS.indexOf(ordinal[2].toLowerCase()) + 1;
        const held = series.held[n - 1];
        if (held) found.push({ name: series.name, year: held.year, month: held.month, label: `${ordinal[0].trim()} ${series.name}` });
        continue;
      }
      for (const held of series.held) {
        const city = held.cities.find((c) => new RegExp(`\\b${escape(c)}\\b`).test(sentence));
        if (city) found.push({ name: series.name, year: held.year, month: held.month, label: `${series.name} in ${city}` });
      }
    }
  }
  return found;
}

/**
 * The year of the named meeting a year-less day falls in or next to: of the meetings the text
 * names, the one whose month is closest to the day's, within a month; none when two years fit as
 * well (the SCO met in Astana in June 2017 and July 2024: a day in June is 2017, one in July 2024).
 */
export function eventYear(text: string, month: number): NamedEvent | null {
  const distance = (e: NamedEvent) => Math.min(Math.abs(e.month - month), 12 - Math.abs(e.month - month));
  const near = namedEvents(text).filter((e) => distance(e) <= 1).sort((a, b) => distance(a) - distance(b));
  if (!near.length) return null;
  const best = near.filter((e) => distance(e) === distance(near[0]));
  return new Set(best.map((e) => e.year)).size === 1 ? best[0] : null;
}
