import { COUNTRY_RE, ORGAN_COUNTRY, allCities, countryOf } from "./gazetteer";
import type { Sentence } from "./sentences";

export interface Participant { name: string; role: string | null; side: string | null }

const ROLE_HEAD =
  /^(President|Premier|Minister|Councilor|Chairman|Chairwoman|Chair|Speaker|Ambassador|Secretary|Secretary-General|Member|Mayor|Governor|King|Emir|Chancellor|Head|Director|Envoy)$/;
const ROLE_PREFIX = /^(Foreign|State|Prime|Deputy|First|Vice|Special)$/;
// Capitalised words that belong to an office title rather than to a person's name.
const OFFICE_WORD =
  /^(Foreign|Affairs|National|Assembly|Economy|Economic|Trade|Commerce|Defen[cs]e|Energy|Investment|Investments|Industry|Agriculture|Transport|Finance|Education|Health|Culture|Political|Bureau|Central|Committee|CPC|Security|Council|Councilor|State|Development|Water|Resources|Internal|Interior|Justice|Science|Digital|Labour|Labor|Emergency|Situations|Presidential|Administration|Executive|Parliament|Senate|Standing|People['’]s|Congress|Republic|Supreme|Oli|Majlisi|Mazhilis|General|Deputy|First|Vice|Prime|Minister|Ministers|President|Chairman|Secretary|Head|Federation|Cabinet|Government|Office|Upper|Lower|House|Chamber|Technology|Technologies|Innovation|Ecology|Industrial|Relations|International|Cooperation|Communications|Information|Planning|Reform|Commission|Natural|Mineral|Construction|Infrastructure|Railways|Railway|Tourism|Sports|Youth|Migration|Employment|Social|Protection|Healthcare|Higher|Environmental|Environment)$/;
const NOT_NAME = /^(On|In|At|The|This|That|And|Of|For|With|During|After|Before|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Left|Right|Center|Centre)$/;

interface Token { text: string; start: number; end: number }

function tokens(s: string, offset: number): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|[,;:()"“”]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

const cap = (t: string) => /^[A-Z][a-zA-Z'’-]+$/.test(t);

export interface Found extends Participant { start: number; end: number }

/** "Tajik Foreign Minister Sirojiddin Muhriddin", "Chairman of the National Assembly of Tajikistan Rustam Emomali". */
export function findParticipants(text: string, sentences: Sentence[]): Found[] {
  const found: Found[] = [];
  for (const s of sentences) {
    const tk = tokens(s.text, s.start);
    for (let i = 0; i < tk.length; i++) {
      // "his Kyrgyz counterpart Almazbek Atambaev": the other side's holder of the same office.
      const counterpart = /^counterparts?$/.test(tk[i].text);
      if (!ROLE_HEAD.test(tk[i].text) && !counterpart) continue;
      const before = tk[i - 1]?.text ?? "";
      if ((OFFICE_WORD.test(before) || ROLE_HEAD.test(before)) && !ROLE_PREFIX.test(before)) continue;
      // Walk left over "Tajik", "Tajikistan's", "Foreign", "State".
      let a = i;
      while (a > 0 && ROLE_PREFIX.test(tk[a - 1].text)) a--;
      const roleStart = tk[a].start;
      let side: string | null = null;
      const prev = tk[a - 1];
      if (prev) {
        const poss = /^(.+?)['’]s$/.exec(prev.text);
        const c = countryOf(poss ? poss[1] : prev.text);
        // "Sri Lankan Foreign Minister", "South African President": a country in two words.
        const two = tk[a - 2] ? countryOf(`${tk[a - 2].text} ${poss ? poss[1] : prev.text}`) : null;
        if (two) { side = two; a -= 2; }
        else if (c) { side = c; a--; }
      }
      if (counterpart && !side) continue;
      // Walk right over the office title, including "and Foreign Minister" chains.
      let b = i + 1;
      for (;;) {
        const t = tk[b];
        if (!t) break;
        if (OFFICE_WORD.test(t.text) || ROLE_HEAD.test(t.text) || /^(of|the|and|for)$/.test(t.text) || (countryOf(t.text) && tk[b - 1]?.text === "of")) {
          if (t.text === "and" && !(tk[b + 1] && (ROLE_HEAD.test(tk[b + 1].text) || OFFICE_WORD.test(tk[b + 1].text)))) break;
          if (t.text === "the" && tk[b - 1]?.text !== "of") break;
          if (countryOf(t.text) && tk[b - 1]?.text === "of") side = side ?? countryOf(t.text);
          b++;
          continue;
        }
        break;
      }
      const nameToks: Token[] = [];
      while (tk[b + nameToks.length] && nameToks.length < 3) {
        const t = tk[b + nameToks.length];
        if (!cap(t.text) || NOT_NAME.test(t.text) || countryOf(t.text) || OFFICE_WORD.test(t.text)) break;
        if (tk[b + nameToks.length - 1] && nameToks.length > 0 && t.start - tk[b + nameToks.length - 1].end > 1) break;
        nameToks.push(t);
      }
      if (nameToks.length === 0) continue;
      const role = text.slice(roleStart, tk[b - 1].end).trim();
      const name = text.slice(nameToks[0].start, nameToks[nameToks.length - 1].end).replace(/['’]s$/, "");
      if (!side) for (const [re, c] of ORGAN_COUNTRY) if (re.test(role)) { side = c; break; }
      found.push({ name, role, side, start: tk[a].start, end: nameToks[nameToks.length - 1].end });
      i = b + nameToks.length - 1;
    }
  }
  return found;
}

export function mergeParticipants(found: Found[], countries: string[]): Participant[] {
  const byName = new Map<string, Participant>();
  for (const f of found) {
    const cur = byName.get(f.name);
    if (!cur) byName.set(f.name, { name: f.name, role: f.role, side: f.side });
    else {
      cur.side = cur.side ?? f.side;
      if (f.role && (!cur.role || f.role.length > cur.role.length)) cur.role = f.role;
    }
  }
  // "President Rahmon" is the "Emomali Rahmon" already found; surname match wins over given name.
  const all = [...byName.values()].sort((x, y) => y.name.split(" ").length - x.name.split(" ").length);
  const list: Participant[] = [];
  for (const p of all) {
    const parts = p.name.split(" ");
    const host =
      list.find((q) => q.name.split(" ").at(-1) === parts.at(-1) && parts.length < q.name.split(" ").length) ??
      (parts.length === 1 ? list.find((q) => q.name.split(" ").includes(parts[0])) : undefined);
    if (host) {
      host.side = host.side ?? p.side;
      if (p.role && (!host.role || p.role.length > host.role.length)) host.role = p.role;
    } else list.push(p);
  }
  // A bilateral readout has two sides: an unqualified "President Xi Jinping" belongs to the
  // side nobody else represents.
  if (countries.length === 2) {
    for (const p of list) {
      if (p.side) continue;
      const taken = new Set(list.filter((q) => q.side).map((q) => q.side));
      const free = countries.filter((c) => !taken.has(c));
      if (free.length === 1) p.side = free[0];
    }
  }
  return list;
}

/** Country mentions, counted, in order of first appearance. */
export function countryMentions(text: string, ranges: [number, number][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [s, e] of ranges) {
    COUNTRY_RE.lastIndex = 0;
    const slice = text.slice(s, e);
    let m: RegExpExecArray | null;
    while ((m = COUNTRY_RE.exec(slice))) {
      const c = countryOf(m[1]);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

const CITY_LIST = allCities();

/** City where the meeting took place: "in Dushanbe", "in the Kazakh capital of Astana". */
export function findPlace(chunks: string[]): string | null {
  const names = CITY_LIST.map((c) => c.city.replace(/[.'-]/g, (x) => `\\${x}`)).join("|");
  const withPrep = new RegExp(`\\b(?:in|at)\\s+(?:the\\s+(?:[A-Z][a-z]+\\s+)?(?:capital|city)(?:\\s+city)?\\s+of\\s+)?(${names})\\b(?!\\s+\\d)`);
  const capitalOf = /\b(?:capital|city) of ([A-Z][a-z]{3,})\b(?!\s+\d)/;
  for (const re of [withPrep, capitalOf]) {
    for (const c of chunks) {
      const m = re.exec(c);
      if (m && !countryOf(m[1])) return m[1];
    }
  }
  return null;
}
