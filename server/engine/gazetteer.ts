import worldCountries from "world-countries";

/** Country name, adjectives/demonyms that point to it, and cities analysts expect as meeting places. */
export interface CountryEntry { name: string; adjectives: string[]; aliases: string[]; cities: string[] }

export const COUNTRIES: CountryEntry[] = [
  { name: "China", adjectives: ["Chinese", "Sino"], aliases: ["People's Republic of China", "People’s Republic of China", "PRC"], cities: ["Beijing", "Shanghai", "Xi'an", "Urumqi", "Guangzhou", "Shenzhen", "Hangzhou", "Chengdu", "Qingdao", "Tianjin"] },
  { name: "Tajikistan", adjectives: ["Tajik", "Tajikistani"], aliases: ["Republic of Tajikistan"], cities: ["Dushanbe", "Khujand", "Bokhtar", "Kulob"] },
  { name: "Uzbekistan", adjectives: ["Uzbek"], aliases: ["Republic of Uzbekistan"], cities: ["Tashkent", "Samarkand", "Bukhara", "Khiva", "Andijan"] },
  { name: "Kazakhstan", adjectives: ["Kazakh", "Kazakhstani"], aliases: ["Republic of Kazakhstan"], cities: ["Astana", "Almaty", "Shymkent", "Aktau", "Nur-Sultan"] },
  { name: "Kyrgyzstan", adjectives: ["Kyrgyz"], aliases: ["Kyrgyz Republic"], cities: ["Bishkek", "Osh", "Cholpon-Ata"] },
  { name: "Turkmenistan", adjectives: ["Turkmen"], aliases: [], cities: ["Ashgabat", "Turkmenbashi"] },
  { name: "Russia", adjectives: ["Russian"], aliases: ["Russian Federation"], cities: ["Moscow", "St. Petersburg", "Kazan", "Sochi", "Vladivostok"] },
  { name: "Afghanistan", adjectives: ["Afghan"], aliases: [], cities: ["Kabul"] },
  { name: "Mongolia", adjectives: ["Mongolian"], aliases: [], cities: ["Ulaanbaatar"] },
  { name: "Pakistan", adjectives: ["Pakistani"], aliases: [], cities: ["Islamabad"] },
  { name: "India", adjectives: ["Indian"], aliases: [], cities: ["New Delhi"] },
  { name: "Iran", adjectives: ["Iranian"], aliases: [], cities: ["Tehran"] },
  { name: "Turkey", adjectives: ["Turkish"], aliases: ["Türkiye"], cities: ["Ankara", "Istanbul"] },
  { name: "Azerbaijan", adjectives: ["Azerbaijani"], aliases: [], cities: ["Baku"] },
  { name: "Belarus", adjectives: ["Belarusian"], aliases: [], cities: ["Minsk"] },
  { name: "Japan", adjectives: ["Japanese"], aliases: [], cities: ["Tokyo"] },
  { name: "United States", adjectives: ["American", "U.S.", "US"], aliases: ["United States of America", "USA"], cities: ["Washington"] },
  { name: "United Kingdom", adjectives: ["British"], aliases: ["UK", "Britain"], cities: ["London"] },
  { name: "France", adjectives: ["French"], aliases: [], cities: ["Paris"] },
  { name: "Germany", adjectives: ["German"], aliases: [], cities: ["Berlin"] },
];

// Every other sovereign state, from the world-countries data set (names, official names, English
// demonyms, capitals). The hand-kept entries above come first and win where a word is shared; a
// two-letter code or a native spelling outside plain English is not a word readouts use.
const PLAIN = /^[A-Z][A-Za-z'’. -]+$/;
for (const w of worldCountries) {
  const name = w.name.common;
  // Sovereign states only: Taiwan, Hong Kong and Macau are China's in these readouts (its core
  // interests, not a third country), and dependencies are their state's.
  if (!w.independent && name !== "Palestine") continue;
  if (COUNTRIES.some((c) => c.name === name)) continue;
  const words = (list: (string | undefined)[]) => [...new Set(list.filter((x): x is string => !!x && PLAIN.test(x) && x !== name && x.length >= 3 && x !== x.toUpperCase()))];
  COUNTRIES.push({
    name,
    adjectives: words([w.demonyms?.eng?.m, w.demonyms?.eng?.f]),
    aliases: words([w.name.official, ...w.altSpellings]),
    cities: words(w.capital ?? []),
  });
}

const byWord = new Map<string, string>();
for (const c of COUNTRIES) {
  for (const w of [c.name, ...c.adjectives, ...c.aliases]) if (!byWord.has(w.toLowerCase())) byWord.set(w.toLowerCase(), c.name);
}

export function countryOf(word: string): string | null {
  return byWord.get(word.toLowerCase()) ?? null;
}

/** Party and state bodies whose membership names the country. */
export const ORGAN_COUNTRY: [RegExp, string][] = [
  [/\bCPC\b|Communist Party of China|Political Bureau/, "China"],
  [/\bState Council\b|State Councilor/, "China"],
  [/\bMajlisi\b|Majlisi Oli/, "Tajikistan"],
  [/\bOliy Majlis\b/, "Uzbekistan"],
  [/\bMazhilis\b|Mazhilis/, "Kazakhstan"],
  [/\bState Duma\b|Kremlin/, "Russia"],
];

// Names as written, and in capitals (datelines, headlines): "turkey", "chad" or "polish" in
// lower case are other words.
const COUNTRY_WORDS = [...new Set(COUNTRIES.flatMap((c) => [c.name, ...c.adjectives, ...c.aliases]).flatMap((w) => [w, w.toUpperCase()]))]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'|’/g, "['’]"));
export const COUNTRY_RE = new RegExp(`(?<![\\w-])(${COUNTRY_WORDS.join("|")})(?![\\w$])`, "g");

// A country written in several words ("Viet Nam", "Russian Federation", "Kyrgyz Republic", "Sri
// Lanka", "South Africa", "Sri Lankan") read as one word, so that word-by-word readers see the country and not a
// named thing: its one-word name, or for a country whose name has several words its name written
// solid ("SriLanka"), which `countryOf` knows too.
const solid = (name: string) => name.replace(/[\s.'’-]+/g, "");
// An adjective in several words ("Sri Lankan", "South African") is written solid too.
for (const c of COUNTRIES) {
  for (const w of [c.name, ...c.adjectives]) if (/\s/.test(w) && !byWord.has(solid(w).toLowerCase())) byWord.set(solid(w).toLowerCase(), c.name);
}
const MULTI_WORD = COUNTRIES.flatMap((c) => {
  const word = /\s/.test(c.name) ? solid(c.name) : c.name;
  return [
    ...[c.name, ...c.aliases].filter((a) => /\s/.test(a)).map((a) => [a, word] as const),
    ...c.adjectives.filter((a) => /\s/.test(a)).map((a) => [a, solid(a)] as const),
  ];
}).sort((a, b) => b[0].length - a[0].length);
const MULTI_WORD_RE = new RegExp(`(?<!\\w)(${MULTI_WORD.map(([a]) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'|’/g, "['’]").replace(/\s+/g, "\\s+")).join("|")})(?!\\w|-[a-z])`, "g");
const MULTI_WORD_NAME = new Map(MULTI_WORD.map(([a, n]) => [a.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " "), n]));

const SOLID = new Map(COUNTRIES.flatMap((c) => [c.name, ...c.adjectives]).filter((w) => /\s/.test(w)).map((w) => [solid(w), w]));
const SOLID_RE = SOLID.size ? new RegExp(`\\b(${[...SOLID.keys()].join("|")})\\b`, "g") : null;

/** Undoes `oneWordCountries` for a country written solid, for showing a name ("Sri Lanka-China …"). */
export function spacedCountries(text: string): string {
  return SOLID_RE ? text.replace(SOLID_RE, (m) => SOLID.get(m) ?? m) : text;
}

export function oneWordCountries(text: string): string {
  return text.replace(MULTI_WORD_RE, (m) => MULTI_WORD_NAME.get(m.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ")) ?? m);
}

export function allCities(): { city: string; country: string }[] {
  return COUNTRIES.flatMap((c) => c.cities.map((city) => ({ city, country: c.name })));
}

/** Outlets recognisable from a source label, masthead, dateline agency or credit. */
export const OUTLETS: [RegExp, string][] = [
  [/Ministry of Foreign Affairs[\s\S]{0,40}People['’]s Republic of China|Foreign Ministry of China|fmprc/i, "Ministry of Foreign Affairs of China"],
  [/Ministry of Foreign Affairs of the Republic of (Tajikistan|Uzbekistan|Kazakhstan|Kyrgyzstan)/i, "Ministry of Foreign Affairs of $1"],
  [/\bXinhua\b/, "Xinhua"],
  [/\bCGTN\b/, "CGTN"],
  [/\bChina Daily\b/, "China Daily"],
  [/\bGlobal Times\b/, "Global Times"],
  [/\bTASS\b/, "TASS"],
  [/\bKazinform\b/i, "Kazinform"],
  [/\bKhovar\b/i, "Khovar"],
  [/\bAsia-Plus\b/i, "Asia-Plus"],
  [/\bUzA\b|Uzbekistan National News Agency/, "UzA"],
  [/\bAstana Times\b/, "The Astana Times"],
  [/\bTashkent Times\b/, "Tashkent Times"],
  [/\bAKIpress\b/i, "AKIpress"],
  [/\bKabar\b/, "Kabar"],
  [/\bRIA Novosti\b/, "RIA Novosti"],
];
