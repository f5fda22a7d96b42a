import type { TopicYearRow } from "@/server/queries/trends";
import type { TrendMetric } from "@/lib/table-state";

export interface TopicYearPivot {
  /** Only the years present in the rows: a year without meetings gets no bar and no gap. */
  years: string[];
  topics: { slug: string; name: string }[];
  /** One object per year: { year: "2022", trade: 3, security: 1, … } */
  byYear: Record<string, string | number>[];
  value: (year: string, slug: string) => number;
  max: number;
}

export function pivotTopicYear(rows: TopicYearRow[], metric: TrendMetric): TopicYearPivot {
  const years = [...new Set(rows.map((r) => String(r.year)))].sort();
  const topicMap = new Map<string, string>();
  for (const r of rows) topicMap.set(r.topicSlug, r.topicName);
  const topics = [...topicMap].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.name.localeCompare(b.name));
  const cells = new Map<string, number>();
  for (const r of rows) cells.set(`${r.year}|${r.topicSlug}`, metric === "mentions" ? r.mentions : r.pledges);
  const value = (year: string, slug: string) => cells.get(`${year}|${slug}`) ?? 0;
  const byYear = years.map((year) => ({ year, ...Object.fromEntries(topics.map((t) => [t.slug, value(year, t.slug)])) }));
  return { years, topics, byYear, value, max: Math.max(0, ...cells.values()) };
}

export const METRIC_LABEL: Record<TrendMetric, string> = {
  mentions: "Mentions",
  pledges: "Distinct pledges",
};
