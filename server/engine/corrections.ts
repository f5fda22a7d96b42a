import { linkKeysOf } from "./normalise";

/**
 * Analysts' corrections as labelled examples. A merge, a move or a rejection says of one wording
 * (a mention's phrase) in one country pair: it belongs to this pledge, it does not belong to that
 * one, or it is not a pledge at all. Ingestion reads the corrections recorded for each new
 * mention's wording and the planner obeys them before any scoring.
 *
 * A wording is identified by the sorted link keys of the phrase itself (lemmas, synonyms folded),
 * prefixed by the country pair: the same words in another order or inflection are the same
 * wording; an extra content word makes another one. A phrase with no link keys has no wording.
 */
export interface Correction {
  /** Increasing with time: the later correction of a wording wins. */
  id: number;
  /** The pledge, as it is now (a pledge merged since stands for its survivor). */
  pledgeId: number;
  kind: "MERGE" | "MOVE" | "REJECT";
  /** True: the wording belongs to the pledge. False: it does not (a move away, a rejection). */
  linked: boolean;
  /** When the analyst made it, YYYY-MM-DD. */
  date: string;
}

export function wordingOf(phrase: string, countryPair: string): string | null {
  const keys = [...new Set(linkKeysOf(phrase))].sort();
  return keys.length ? `${countryPair}:${keys.join(" ")}` : null;
}

export interface CorrectionVerdict {
  /** The wording was marked not a pledge: store the mention rejected, on this pledge. */
  reject: { pledgeId: number; date: string } | null;
  /** The wording was linked to this pledge by an analyst. */
  link: { pledgeId: number; date: string; kind: Correction["kind"] } | null;
  /** Pledges the wording was moved away from: never candidates for it. */
  avoid: Set<number>;
}

/**
 * What the corrections of one wording say, the latest first: per pledge only its latest label
 * counts (a move back undoes a move away); of the labels that place the wording (linked, or
 * rejected), the latest decides.
 */
export function verdictOf(corrections: readonly Correction[]): CorrectionVerdict {
  const latest = new Map<string, Correction>();
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) latest.set(c.kind === "REJECT" ? "reject" : `p${c.pledgeId}`, c);
  const avoid = new Set<number>();
  let placing: Correction | null = null;
  for (const c of latest.values()) {
    if (c.kind !== "REJECT" && !c.linked) avoid.add(c.pledgeId);
    else if (!placing || c.id > placing.id) placing = c;
  }
  return {
    reject: placing?.kind === "REJECT" ? { pledgeId: placing.pledgeId, date: placing.date } : null,
    link: placing && placing.kind !== "REJECT" ? { pledgeId: placing.pledgeId, date: placing.date, kind: placing.kind } : null,
    avoid,
  };
}

export function correctionReason(verdict: CorrectionVerdict): string {
  if (verdict.reject) return `an analyst marked this wording as not a pledge on ${verdict.reject.date}`;
  if (verdict.link) return `an analyst linked this wording to this pledge on ${verdict.link.date} (${verdict.link.kind === "MERGE" ? "merge" : "move"})`;
  return "";
}
