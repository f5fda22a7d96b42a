"use client";

import { useQueryStates } from "nuqs";
import { trendsParsers } from "@/lib/table-state";

/** The mentions ↔ pledges toggle only changes what is drawn, so it stays on the client. */
export function useTrendMetric() {
  const [{ metric }, set] = useQueryStates({ metric: trendsParsers.metric }, { shallow: true, history: "replace", scroll: false });
  return { metric, setMetric: (m: typeof metric) => void set({ metric: m === "mentions" ? null : m }) };
}
