/**
 * The status vocabulary analysts use for a pledge. Values match the
 * PledgeStatus enum in the database; labels and meanings are what the UI shows.
 */
export const STATUSES = [
  "NOT_YET_ASSESSED",
  "IN_PROGRESS",
  "FULFILLED",
  "PARTIALLY_FULFILLED",
  "STALLED",
  "BROKEN_OR_DROPPED",
] as const;

export type Status = (typeof STATUSES)[number];

export const STATUS_INFO: Record<Status, { label: string; meaning: string }> = {
  NOT_YET_ASSESSED: { label: "Not yet assessed", meaning: "No analyst has judged the outcome yet." },
  IN_PROGRESS: { label: "In progress", meaning: "There is evidence of work towards the pledge." },
  FULFILLED: { label: "Fulfilled", meaning: "The pledge was carried out as stated." },
  PARTIALLY_FULFILLED: { label: "Partially fulfilled", meaning: "Part of the pledge was carried out, or a smaller version of it." },
  STALLED: { label: "Stalled", meaning: "Work started but there has been no progress for a long time." },
  BROKEN_OR_DROPPED: { label: "Broken or dropped", meaning: "The pledge was abandoned or contradicted by events." },
};

export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export function statusLabel(value: string): string {
  return isStatus(value) ? STATUS_INFO[value].label : value;
}
