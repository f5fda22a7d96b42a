"use client";

import { useCallback } from "react";
import type { PledgeFilterOptions } from "@/server/queries/pledges";
import { STATUSES, STATUS_INFO, type Status } from "@/lib/status";
import { directionKey, directionLabel } from "@/lib/format";
import { CheckboxMenu } from "./checkbox-menu";
import { SearchBox } from "./search-box";
import { usePledgeTableState } from "./use-pledge-table-state";
import styles from "./pledge-filters.module.css";

/** Every filter writes to the URL and goes back to page one. */
export function PledgeFilters({ options }: { options: PledgeFilterOptions }) {
  const { state, setState } = usePledgeTableState();
  const onSearch = useCallback((q: string) => void setState({ q: q || null, page: null }), [setState]);
  const active =
    state.q || state.topic.length || state.status.length || state.actor || state.direction || state.from || state.to || state.repeated || state.zombies;

  return (
    <section aria-label="Filters" className={styles.bar}>
      <SearchBox value={state.q} onSearch={onSearch} />
      <div className={styles.row}>
        <CheckboxMenu
          label="Topic"
          testId="filter-topic"
          options={options.topics.map((t) => ({ value: t.slug, label: t.name }))}
          selected={state.topic}
          onChange={(topic) => void setState({ topic: topic.length ? topic : null, page: null })}
        />
        <CheckboxMenu
          label="Status"
          testId="filter-status"
          options={STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label }))}
          selected={state.status}
          onChange={(status) => void setState({ status: status.length ? (status as Status[]) : null, page: null })}
        />
        <label className={styles.field}>
          Actor
          <select value={state.actor} onChange={(e) => void setState({ actor: e.target.value || null, page: null })}>
            <option value="">Any</option>
            {options.actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          Direction
          <select value={state.direction} onChange={(e) => void setState({ direction: e.target.value || null, page: null })}>
            <option value="">Any</option>
            {options.directions.map((d) => {
              const key = directionKey(d.giver, d.receiver);
              return (
                <option key={key} value={key}>
                  {directionLabel(d.giver, d.receiver)}
                </option>
              );
            })}
          </select>
        </label>
        <fieldset className={styles.years}>
          <legend>Mentioned between</legend>
          <label>
            <span className="visually-hidden">From year</span>
            <select name="from" value={state.from ?? ""} onChange={(e) => void setState({ from: e.target.value ? Number(e.target.value) : null, page: null })}>
              <option value="">Any year</option>
              {options.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="visually-hidden">To year</span>
            <select name="to" value={state.to ?? ""} onChange={(e) => void setState({ to: e.target.value ? Number(e.target.value) : null, page: null })}>
              <option value="">Any year</option>
              {options.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <label className={styles.check}>
          <input type="checkbox" checked={state.repeated} onChange={(e) => void setState({ repeated: e.target.checked || null, page: null })} />
          Repeated only
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={state.zombies} onChange={(e) => void setState({ zombies: e.target.checked || null, page: null })} />
          Zombies only
        </label>
        {active ? (
          <button
            type="button"
            onClick={() =>
              void setState({ q: null, topic: null, status: null, actor: null, direction: null, from: null, to: null, repeated: null, zombies: null, page: null })
            }
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </section>
  );
}
