import { diffWords } from "diff";

/** Firmness of a commitment cue, as stored on Pledge and Mention (1 hope … 4 firm). */
export const FIRMNESS_LABELS: Record<number, string> = {
  0: "unrated",
  1: "hope (hopes to, welcomes)",
  2: "should (should, called on)",
  3: "ready (is ready to, is willing to)",
  4: "firm (will, agreed to)",
};

/** Specificity of what is promised (0 vague … 3 named project with amount or date). */
export const SPECIFICITY_LABELS: Record<number, string> = {
  0: "vague",
  1: "named field",
  2: "named project",
  3: "named project with amount or date",
};

export function firmnessWord(level: number): string {
  return (FIRMNESS_LABELS[level] ?? "unrated").split(" (")[0];
}

export function specificityWord(level: number): string {
  return SPECIFICITY_LABELS[level] ?? "vague";
}

export interface WordingSample {
  phrase: string;
  firmness: number;
  specificity: number;
}

export interface DiffPart {
  text: string;
  change: "same" | "added" | "removed";
}

export type WordingShift = "firmed up" | "softened" | "mixed" | "unchanged";

export interface WordingChange {
  /** The previous wording with the words that were dropped marked "removed". */
  before: DiffPart[];
  /** The new wording with the words that are new marked "added". */
  after: DiffPart[];
  shift: WordingShift;
  /** Why the shift was called, e.g. "should → will". */
  reasons: string[];
}

/**
 * Compares one mention's wording with the previous mention of the same pledge.
 * Firmness and specificity come from the extraction engine, so the tag follows
 * its ratings rather than guessing from the words.
 */
export function compareWording(previous: WordingSample, current: WordingSample): WordingChange {
  const parts = diffWords(previous.phrase, current.phrase);
  const before: DiffPart[] = [];
  const after: DiffPart[] = [];
  for (const part of parts) {
    if (part.added) after.push({ text: part.value, change: "added" });
    else if (part.removed) before.push({ text: part.value, change: "removed" });
    else {
      before.push({ text: part.value, change: "same" });
      after.push({ text: part.value, change: "same" });
    }
  }

  const reasons: string[] = [];
  const firm = Math.sign(current.firmness - previous.firmness);
  const specific = Math.sign(current.specificity - previous.specificity);
  if (firm !== 0) reasons.push(`${firmnessWord(previous.firmness)} → ${firmnessWord(current.firmness)}`);
  if (specific !== 0) reasons.push(`${specificityWord(previous.specificity)} → ${specificityWord(current.specificity)}`);

  let shift: WordingShift = "unchanged";
  if (firm >= 0 && specific >= 0 && firm + specific > 0) shift = "firmed up";
  else if (firm <= 0 && specific <= 0 && firm + specific < 0) shift = "softened";
  else if (firm !== 0 || specific !== 0) shift = "mixed";
  return { before, after, shift, reasons };
}
