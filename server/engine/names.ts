import { allCities, countryOf, oneWordCountries, spacedCountries } from "./gazetteer";
import { lemma, stem } from "./normalise";

/** A named thing in a phrase, with the stemmed words that tell it from another of its kind. */
export interface Name { label: string; tokens: string[]; initials: string; acronym: string | null }

const NAME_GLUE = new Set(["of", "for", "on", "the", "and", "in"]);
// A lower-case head after a name makes a place name into a thing: "China-Central Asia
// mechanism", "North-South transport corridor", "China-Kyrgyzstan-Uzbekistan railway".
const KIND_AFTER = /^(?:\s+(?!and\b|or\b)[a-z][a-z-]*){0,2}?\s+(mechanisms?|railway|highway|corridor|summit|forum|format|pipeline|project|initiative|center|centre|park|zone|bridge|tunnel|port|line|dialogue)\b/;

/** Capitalised multi-word names, hyphenated compounds and acronyms, with the words that tell
 *  one such thing from another of its kind: "Gormir North-South Highway" → gormir north south
 *  highway; the pair's own countries are dropped ("Sino-Tajik Center for Traditional Medicine"). */
export function namesOf(text: string, pair: string[]): Name[] {
  const phrase = oneWordCountries(text);
  const out: Name[] = [];
  const re = /"[^"]{3,60}"|“[^”]{3,60}”|\b[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?|and\s+)?[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(phrase))) {
    const after = phrase.slice(m.index + m[0].length);
    // "COVID-19" is a disease, not a named thing.
    if (/^-?\d/.test(after)) continue;
    const kind = KIND_AFTER.exec(after)?.[1] ?? null;
    // "the Eurasian Economic Union and the Shanghai Cooperation Organization" are two names;
    // "Belt and Road" is one.
    // "Belt and Road Initiative" is one too: a single word before "and" starts the next name.
    const parts = m[0].replace(/["“”]/g, "").split(/\s+and\s+(?=\S+\s)/).reduce<string[]>((all, p) => {
      if (all.length && !/\s/.test(all[all.length - 1])) all[all.length - 1] += ` and ${p}`;
      else all.push(p);
      return all;
    }, []);
    for (const part of parts) {
      const raw = part.split(/[\s-]+/).filter((w) => w && !NAME_GLUE.has(w.toLowerCase()));
      const caps = raw.filter((w) => /^[A-Z]/.test(w));
      const acronym = raw.length === 1 && /^[A-Z]{2,}[a-z]{0,3}$/.test(raw[0]) ? raw[0].toUpperCase() : null;
      if (raw.length < 2 && !acronym && !kind) continue;
      if (/\d/.test(part)) continue;
      const hasKind = !acronym && kind !== null && part === parts[parts.length - 1];
      const tokens: string[] = [];
      let onlyPlaces = true;
      for (const w of raw) {
        const c = countryOf(w.replace(/['’]s$/, ""));
        if (c && pair.includes(c)) continue;
        if (!c && !CITY.has(w.toLowerCase())) onlyPlaces = false;
        const k = w === "Sino" ? "" : stem(lemma(w));
        if (k) tokens.push(k);
      }
      if (hasKind) {
        if (!tokens.length) continue;
        tokens.push(stem(lemma(kind)));
      }
      // Places alone ("Central Asia", "Astana and Almaty") say where, not what.
      if (!tokens.length || (onlyPlaces && !acronym && !hasKind) || (!acronym && !hasKind && tokens.length < 2 && caps.length < 2)) continue;
      out.push({ label: spacedCountries(part.trim()), tokens, initials: caps.map((w) => w[0]).join("").toUpperCase(), acronym });
    }
  }
  return out;
}

// Cities and regions: a name made only of them is a place.
const CITY = new Set(["central", "asia", "eurasia", "europe", ...allCities().flatMap((c) => c.city.toLowerCase().split(/[\s-]+/))]);

/** Whether two names name one thing: an acronym by its initials, else one name inside the other. */
export function sameName(a: Name, b: Name): boolean {
  if (a.acronym || b.acronym) {
    const [ac, other] = a.acronym ? [a, b] : [b, a];
    if (other.acronym) return other.acronym === ac.acronym;
    return other.initials.length >= 2 && ac.acronym!.startsWith(other.initials) && ac.acronym!.length <= other.initials.length + 2;
  }
  // Containment: "Luban Workshop" is the "first Luban Workshop in Tajikistan"; "Gormir
  // North-South Highway" is not the "Karatau North-South Highway".
  const [small, big] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  return small.every((t) => big.includes(t));
}
