"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StatusTopicRow } from "@/server/queries/trends";
import { STATUSES, STATUS_INFO } from "@/lib/status";
import { STATUS_COLORS } from "./palette";
import { ChartCard } from "./chart-card";
import { tooltipStyle } from "./tooltip-style";
import styles from "./charts.module.css";

/** Per topic, how many pledges sit in each status: stacked horizontal bars. */
export function StatusTopicChart({ rows, compact = false, more }: { rows: StatusTopicRow[]; compact?: boolean; more?: { href: string; label: string } }) {
  const topics = [...new Map(rows.map((r) => [r.topicSlug, r.topicName]))].map(([slug, name]) => ({ slug, name }));
  const count = (slug: string, status: string) => rows.find((r) => r.topicSlug === slug && r.status === status)?.pledges ?? 0;
  const data = topics.map((t) => ({ topic: t.name, ...Object.fromEntries(STATUSES.map((s) => [s, count(t.slug, s)])) }));
  const present = STATUSES.filter((s) => rows.some((r) => r.status === s));
  const height = Math.max(compact ? 200 : 240, topics.length * 38 + 110);
  return (
    <ChartCard
      title="Status by topic"
      description="How many pledges of each topic are in each status."
      empty={!rows.length}
      more={more}
      testId="status-topic-chart"
      table={{
        caption: "Pledges per topic and status",
        columns: ["Topic", ...STATUSES.map((s) => STATUS_INFO[s].label), "Total"],
        rows: topics.map((t) => {
          const values = STATUSES.map((s) => count(t.slug, s));
          return [t.name, ...values, values.reduce((a, b) => a + b, 0)];
        }),
      }}
    >
      <div className={styles.plot} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} label={{ value: "Pledges", position: "insideBottom", offset: -16 }} />
            <YAxis type="category" dataKey="topic" width={130} tick={{ fontSize: 12 }} />
            <Tooltip contentStyle={tooltipStyle} cursor={{ fillOpacity: 0.1 }} />
            <Legend verticalAlign="top" itemSorter={null} />
            {present.map((s) => (
              <Bar key={s} dataKey={s} name={STATUS_INFO[s].label} stackId="status" fill={STATUS_COLORS[s]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
