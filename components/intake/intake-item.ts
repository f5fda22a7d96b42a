import type { IntakeAnswer } from "@/server/actions/intake";
import type { FactEdits } from "./facts-editor";

/** One readout of the batch: what was pasted or uploaded, its latest preview and, once stored, the outcome. */
export interface IntakeItem {
  key: string;
  name: string;
  source: Blob | string;
  answer: IntakeAnswer | null;
  edits: FactEdits | null;
  busy: boolean;
  stored: IntakeAnswer | null;
}

/** A preview that can be stored: analysed, not failed, not already stored. */
export function isStorable(item: IntakeItem): boolean {
  return !item.stored && (item.answer?.status === "new" || item.answer?.status === "replaced");
}
