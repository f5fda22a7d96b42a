"use client";

import type { SortDirection } from "@/lib/table-state";

/** A column heading that sorts its column; aria-sort on the <th> tells screen readers the current order. */
export function SortHeader({
  label,
  active,
  dir,
  onSort,
}: {
  label: string;
  active: boolean;
  dir: SortDirection;
  onSort: () => void;
}) {
  const arrow = !active ? "↕" : dir === "asc" ? "↑" : "↓";
  return (
    <button type="button" className="sort-button" onClick={onSort}>
      {label}
      <span aria-hidden="true" className={active ? undefined : "muted"}>
        {arrow}
      </span>
      <span className="visually-hidden">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
    </button>
  );
}
