"use client";

import type { TopicYearRow } from "@/server/queries/trends";
import { ChartCard } from "./chart-card";
import { METRIC_LABEL, pivotTopicYear } from "./pivot";
import { heatCell } from "./palette";
import { SwatchLegend } from "./palette-legend";
import { useTrendMetric } from "./use-trend-metric";
import styles from "./charts.module.css";

/** Topic × year grid; darker means more. The grid is a real table, and each cell prints its number. */
export function TopicHeatmap({ rows }: { rows: TopicYearRow[] }) {
  const { metric } = useTrendMetric();
  const pivot = pivotTopicYear(rows, metric);
  return (
    <ChartCard
      title="Topic × year heatmap"
      description={`${METRIC_LABEL[metric]}; darker cells mean more.`}
      empty={!rows.length}
      testId="topic-heatmap"
      table={{
        caption: `${METRIC_LABEL[metric]} per topic per year`,
        columns: ["Topic", ...pivot.years],
        rows: pivot.topics.map((t) => [t.name, ...pivot.years.map((y) => pivot.value(y, t.slug))]),
      }}
    >
      <div className="table-scroll" style={{ border: "none" }} tabIndex={0} role="region" aria-label="Topic by year heatmap">
        <table className={styles.heatmap}>
          <caption className="visually-hidden">{METRIC_LABEL[metric]} per topic (rows) and year (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              {pivot.years.map((y) => (
                <th key={y} scope="col">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pivot.topics.map((t) => (
              <tr key={t.slug}>
                <th scope="row">{t.name}</th>
                {pivot.years.map((y) => {
                  const v = pivot.value(y, t.slug);
                  return (
                    <td
                      key={y}
                      title={`${t.name}, ${y}: ${v} ${METRIC_LABEL[metric].toLowerCase()}`}
                      style={heatCell(v, pivot.max)}
                    >
                      {v}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SwatchLegend
        items={[
          { label: "none", color: "transparent" },
          { label: "few", color: heatCell(1, 4).background },
          { label: "some", color: heatCell(2, 4).background },
          { label: "most", color: heatCell(4, 4).background },
        ]}
      />
    </ChartCard>
  );
}
