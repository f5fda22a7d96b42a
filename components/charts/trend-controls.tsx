"use client";

import { useTransition } from "react";
import { useQueryStates } from "nuqs";
import { TREND_METRICS, trendsParsers } from "@/lib/table-state";
import { CheckboxMenu } from "@/components/data-table/checkbox-menu";
import { METRIC_LABEL } from "./pivot";
import { useTrendMetric } from "./use-trend-metric";
import styles from "./charts.module.css";

/** The metric toggle redraws in place; the topic filter asks the server for new aggregates. */
export function TrendControls({ topics }: { topics: { slug: string; name: string }[] }) {
  const { metric, setMetric } = useTrendMetric();
  const [isPending, startTransition] = useTransition();
  const [{ topic }, setTopic] = useQueryStates({ topic: trendsParsers.topic }, { shallow: false, history: "push", scroll: false, startTransition });
  return (
    <div className={styles.controls}>
      <fieldset className={styles.toggle}>
        <legend>Count</legend>
        {TREND_METRICS.map((m) => (
          <label key={m}>
            <input type="radio" name="metric" value={m} checked={metric === m} onChange={() => setMetric(m)} />
            {METRIC_LABEL[m]}
          </label>
        ))}
      </fieldset>
      <CheckboxMenu
        label="Topics"
        testId="trend-topic-filter"
        options={topics.map((t) => ({ value: t.slug, label: t.name }))}
        selected={topic}
        onChange={(next) => void setTopic({ topic: next.length ? next : null })}
      />
      {topic.length ? (
        <button type="button" onClick={() => void setTopic({ topic: null })}>
          All topics
        </button>
      ) : null}
      <span role="status" className="muted small">
        {isPending ? "Updating…" : ""}
      </span>
    </div>
  );
}
