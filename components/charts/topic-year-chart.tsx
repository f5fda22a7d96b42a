"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TopicYearRow } from "@/server/queries/trends";
import { ChartCard } from "./chart-card";
import { METRIC_LABEL, pivotTopicYear } from "./pivot";
import { useTrendMetric } from "./use-trend-metric";
import { tooltipStyle } from "./tooltip-style";
import styles from "./charts.module.css";

/** Stacked bars: per year, how often each topic came up. */
export function TopicYearChart({
  rows,
  colors,
  compact = false,
  more,
}: {
  rows: TopicYearRow[];
  colors: Record<string, string>;
  compact?: boolean;
  more?: { href: string; label: string };
}) {
  const { metric } = useTrendMetric();
  const pivot = pivotTopicYear(rows, metric);
  const height = compact ? 340 : 460;
  return (
    <ChartCard
      title="Topics by year"
      description={`${METRIC_LABEL[metric]} per topic in each year's meetings. Years without meetings have no bar.`}
      empty={!rows.length}
      more={more}
      testId="topic-year-chart"
      table={{
        caption: `${METRIC_LABEL[metric]} per topic per year`,
        columns: ["Year", ...pivot.topics.map((t) => t.name), "Total"],
        rows: pivot.years.map((y) => {
          const values = pivot.topics.map((t) => pivot.value(y, t.slug));
          return [y, ...values, values.reduce((a, b) => a + b, 0)];
        }),
      }}
    >
      <div className={styles.plot} style={{ height }} data-years={pivot.years.join(",")}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={pivot.byYear} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="year" label={{ value: "Year of meeting", position: "insideBottom", offset: -16 }} />
            <YAxis allowDecimals={false} width={48} label={{ value: METRIC_LABEL[metric], angle: -90, position: "insideLeft", offset: 4, dy: 40 }} />
            <Tooltip contentStyle={tooltipStyle} cursor={{ fillOpacity: 0.1 }} />
            <Legend verticalAlign="top" />
            {pivot.topics.map((t) => (
              <Bar key={t.slug} dataKey={t.slug} name={t.name} stackId="topics" fill={colors[t.slug]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
