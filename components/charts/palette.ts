import type { Status } from "@/lib/status";

/**
 * Okabe–Ito, the palette designed to stay distinguishable under the common
 * colour-vision deficiencies; black is swapped for grey so it shows on a dark
 * background. Beyond eight topics the colours repeat with Paul Tol's muted set.
 */
export const OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"] as const;
const TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"] as const;
export const CATEGORICAL = [...OKABE_ITO, ...TOL_MUTED];

export const STATUS_COLORS: Record<Status, string> = {
  NOT_YET_ASSESSED: "#999999",
  IN_PROGRESS: "#56B4E9",
  FULFILLED: "#009E73",
  PARTIALLY_FULFILLED: "#F0E442",
  STALLED: "#E69F00",
  BROKEN_OR_DROPPED: "#D55E00",
};

/** The same topic gets the same colour on every chart: colours follow the alphabetical topic list. */
export function topicColors(slugs: string[]): Record<string, string> {
  const sorted = [...new Set(slugs)].sort();
  return Object.fromEntries(sorted.map((slug, i) => [slug, CATEGORICAL[i % CATEGORICAL.length]]));
}

/**
 * Heatmap cell colours on one blue hue. Light tints keep the page's text
 * colour; the top tier is a solid dark blue with white text, so every count
 * stays readable (WCAG AA) in light and dark mode. The number is printed in
 * every cell, so colour is never the only cue.
 */
export function heatCell(value: number, max: number): { background: string; color?: string } {
  if (!value || !max) return { background: "transparent" };
  const share = value / max;
  if (share > 0.66) return { background: "#0b4f7c", color: "#ffffff" };
  return { background: `rgb(0 114 178 / ${(0.15 + share * 0.35).toFixed(2)})` };
}
