import { countryOf } from "./gazetteer";

// A proper name of two or more capitalised words, or a quoted name: "Luban Workshop",
// "China-Kyrgyzstan-Uzbekistan railway", "\"Chinese Culture Day\"".
const PROPER = /"[^"]{3,60}"|“[^”]{3,60}”|\b[A-Z][\w'’-]*(?:\s+(?:for|of|on|the|and)?\s*[A-Z][\w'’-]*)+|\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\s+[a-z]+/g;

export function namesIn(text: string): string[] {
  const out: string[] = [];
  PROPER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROPER.exec(text))) {
    const words = m[0].replace(/["“”]/g, "").split(/[\s-]+/);
    // Country names and people's roles are not named projects.
    if (words.every((w) => countryOf(w.replace(/['’]s$/, "")) || /^(?:the|and|of|for|on|President|Minister|Foreign|Prime|Chinese|Tajik)$/.test(w))) continue;
    out.push(m[0]);
  }
  return out;
}

const AMOUNT = /\b\d[\d,.]*\s*(?:%|percent|billion|million|thousand|tons?|km|MW|GW|dollars|yuan)|\$\s?\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third)\b/i;
const WHEN = /\b(?:this|next|by|in|before|until)\s+(?:year|month|autumn|spring|summer|winter|January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b|\bas soon as possible\b|\bat an early date\b|\bin the coming months\b/i;
const CONCRETE = /\b(?:build|building|construct|construction|open|opening|establish|establishment|import|imports|supply|supplies|financ|host|hold|complete|completion|scholarships?|patrols?|flights?|plants?|branches)\b/i;

/** 0 vague ("deepen cooperation") … 3: a named project with an amount or date. */
export function specificityOf(phrase: string, isNamedItem: boolean): 0 | 1 | 2 | 3 {
  let s = 0;
  if (isNamedItem || namesIn(phrase).length) s++;
  if (CONCRETE.test(phrase)) s++;
  if (AMOUNT.test(phrase) || WHEN.test(phrase)) s++;
  return Math.min(3, s) as 0 | 1 | 2 | 3;
}
