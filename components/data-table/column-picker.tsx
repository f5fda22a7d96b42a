"use client";

import type { Table } from "@tanstack/react-table";
import type { PledgeRow } from "@/server/queries/pledges";
import type { PledgeColumn } from "@/lib/table-state";
import { PLEDGE_COLUMN_LABELS } from "./pledge-columns";
import { usePledgeTableState } from "./use-pledge-table-state";
import { useDismissableDetails } from "./use-dismiss";
import styles from "./menus.module.css";

/** Hidden columns live in the URL too, so a shared link shows the same columns. */
export function ColumnPicker({ table }: { table: Table<PledgeRow> }) {
  const { state, setState } = usePledgeTableState();
  const ref = useDismissableDetails();
  function toggle(id: PledgeColumn, visible: boolean) {
    const hide = visible ? state.hide.filter((h) => h !== id) : [...state.hide, id];
    void setState({ hide: hide.length ? hide : null });
  }
  return (
    <details ref={ref} className={styles.menu}>
      <summary className="button">Columns{state.hide.length ? ` (${state.hide.length} hidden)` : ""}</summary>
      <fieldset className={styles.panel}>
        <legend className="visually-hidden">Visible columns</legend>
        {table
          .getAllLeafColumns()
          .filter((c) => c.getCanHide())
          .map((column) => (
            <label key={column.id} className={styles.option}>
              <input type="checkbox" checked={column.getIsVisible()} onChange={(e) => toggle(column.id as PledgeColumn, e.target.checked)} />
              {PLEDGE_COLUMN_LABELS[column.id as PledgeColumn]}
            </label>
          ))}
      </fieldset>
    </details>
  );
}
