"use client";

import { use, useMemo } from "react";
import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from "@tanstack/react-table";
import type { PledgeTablePage } from "@/server/queries/pledges";
import { PLEDGE_COLUMNS, type PledgeColumn } from "@/lib/table-state";
import { formatCount } from "@/lib/format";
import { pledgeColumns, type ColumnMeta } from "./pledge-columns";
import { SortHeader } from "./sort-header";
import { Pagination } from "./pagination";
import { PledgeFilters } from "./pledge-filters";
import { ColumnPicker } from "./column-picker";
import { ExportLink } from "./export-link";
import { usePledgeTableState } from "./use-pledge-table-state";
import styles from "./pledge-table.module.css";

/**
 * The /pledges table. Rows arrive already sorted, filtered and paged by the
 * database; TanStack Table runs in manual mode and only lays them out.
 */
export function PledgeTable({ data }: { data: Promise<PledgeTablePage> }) {
  const page = use(data);
  const { state, setState, isPending } = usePledgeTableState();

  const columnVisibility = useMemo<VisibilityState>(
    () => Object.fromEntries(PLEDGE_COLUMNS.map((id) => [id, !state.hide.includes(id)])),
    [state.hide],
  );

  const table = useReactTable({
    data: page.rows,
    columns: pledgeColumns,
    getRowId: (row) => String(row.id),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    pageCount: page.pageCount,
    state: {
      columnVisibility,
      sorting: [{ id: state.sort.key, desc: state.sort.dir === "desc" }],
      pagination: { pageIndex: page.page - 1, pageSize: page.size },
    },
  });

  function sortBy(id: PledgeColumn, meta: ColumnMeta) {
    const dir = state.sort.key === id ? (state.sort.dir === "asc" ? "desc" : "asc") : meta.firstDir;
    void setState({ sort: { key: id, dir }, page: null });
  }

  const first = page.total === 0 ? 0 : (page.page - 1) * page.size + 1;
  const last = Math.min(page.total, page.page * page.size);

  return (
    <div className="stack">
      <PledgeFilters options={page.options} />
      <div style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-3)", alignItems: "center" }}>
        <p role="status" aria-live="polite" style={{ margin: 0, flex: "1 1 auto" }} data-testid="pledge-count">
          {page.total === 0 ? "No pledges match." : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)} pledges`}
          {isPending ? <span className="muted"> · updating…</span> : null}
        </p>
        <ColumnPicker table={table} />
        <ExportLink />
      </div>
      <div className={`table-scroll${isPending ? " pending" : ""}`} tabIndex={0} role="region" aria-label="Pledges table" aria-busy={isPending}>
        <table className={`data ${styles.table}`} data-testid="pledge-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const id = header.column.id as PledgeColumn;
                  const meta = header.column.columnDef.meta as ColumnMeta;
                  const active = state.sort.key === id;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={meta.numeric ? "num" : undefined}
                      aria-sort={active ? (state.sort.dir === "asc" ? "ascending" : "descending") : undefined}
                      data-column={id}
                    >
                      <SortHeader
                        label={String(header.column.columnDef.header)}
                        active={active}
                        dir={state.sort.dir}
                        onSort={() => sortBy(id, meta)}
                      />
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-pledge-id={row.original.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={(cell.column.columnDef.meta as ColumnMeta).numeric ? "num" : undefined} data-column={cell.column.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.total === 0 ? (
          <div className="empty-state" style={{ border: "none" }}>
            <p>No pledge matches these filters. Clear a filter or the search to see more.</p>
          </div>
        ) : null}
      </div>
      <Pagination page={page.page} pageCount={page.pageCount} size={page.size} />
    </div>
  );
}
