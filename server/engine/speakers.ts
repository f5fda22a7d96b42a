import { countryOf } from "./gazetteer";
import type { Participant } from "./participants";

const SAY =
  "said|says|noted|notes|stressed|stresses|emphasized|emphasised|added|adds|pointed out|told|called|calling|expressed|urged|proposed|recalled|hoped|believes|believed|agreed|thanked|underlined|underscored|highlighted|briefed|made the remarks|conveyed|reaffirmed|reiterated|put forward";

export interface SpeakerRef { name: string; side: string | null }

/** Resolve "Xi", "Muhriddin", "the Tajik president", "the prime minister" to a participant. */
export function resolveRef(ref: string, participants: Participant[]): Participant | null {
  const r = ref.trim().replace(/['’]s$/, "");
  if (!r) return null;
  const exact = participants.find((p) => p.name === r);
  if (exact) return exact;
  const words = r.split(/\s+/);
  const last = words.at(-1)!;
  const bySurname = participants.filter((p) => p.name.split(" ").at(-1) === last);
  if (bySurname.length === 1) return bySurname[0];
  const byAny = participants.filter((p) => p.name.split(" ").includes(last));
  if (byAny.length >= 1 && /^[A-Z]/.test(last) && !/^(President|Minister|Premier)$/.test(last)) return byAny[0];
  // "the Tajik president", "the Russian president", "the prime minister", "the ambassador"
  const desc = /^(?:the\s+)?(?:([A-Z][a-z]+)\s+)?(president|prime minister|premier|foreign minister|minister|ambassador|chairman|speaker|vice premier|deputy prime minister|leader|head of state|diplomat)$/i.exec(r);
  if (desc) {
    const side = desc[1] ? countryOf(desc[1]) : null;
    const role = desc[2].toLowerCase();
    const pool = participants.filter((p) => (!side || p.side === side));
    const match =
      pool.find((p) => p.role && p.role.toLowerCase().includes(role)) ??
      (role === "leader" || role === "head of state" ? pool.find((p) => p.role && /president/i.test(p.role)) : undefined) ??
      (role === "diplomat" ? pool.find((p) => p.role && /ambassador|minister/i.test(p.role)) : undefined);
    if (match) return match;
  }
  return null;
}

const NAME = "(?:[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){0,3}|[Hh]e|[Ss]he|[Tt]he\\s+(?:[A-Z][a-z]+\\s+)?(?:president|prime minister|premier|foreign minister|minister|Minister|ambassador|chairman|leader|diplomat))";
const LEADING = new RegExp(`^(?:(?:During|In|At|After|[A-Z][a-z]+ing\\b)[^,]{0,120},\\s+)?(${NAME})\\s+(?:also\\s+|further\\s+|then\\s+|on\\s+\\w+\\s+)?(?:${SAY})\\b`);
const TRAILING = new RegExp(`,\\s*(?:(${NAME})\\s+(?:also\\s+)?(?:${SAY})|(?:said|added|noted|stressed)\\s+(${NAME}))[^,]*?[.!"”]?\\s*$`);
const INNER = new RegExp(`,\\s*(${NAME})\\s+(?:${SAY}),?\\s+(?:adding|noting|calling)`);

/**
 * The speaker of a sentence: named at its start ("Xi said"), at its end (", Wang added."), or
 * carried over from the previous sentence — readouts run reported speech across sentences.
 */
export function sentenceSpeaker(sentence: string, participants: Participant[], previous: Participant | null): Participant | null {
  const m = LEADING.exec(sentence) ?? INNER.exec(sentence);
  const t = TRAILING.exec(sentence);
  const ref = m?.[1] ?? t?.[1] ?? t?.[2];
  if (!ref) return previous;
  if (/^(he|she)$/i.test(ref)) return previous;
  return resolveRef(ref, participants) ?? previous;
}
