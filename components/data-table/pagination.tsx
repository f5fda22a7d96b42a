"use client";

import { PAGE_SIZES } from "@/lib/table-state";
import { usePledgeTableState } from "./use-pledge-table-state";

export function Pagination({ page, pageCount, size }: { page: number; pageCount: number; size: number }) {
  const { setState } = usePledgeTableState();
  const go = (p: number) => void setState({ page: p === 1 ? null : p });
  return (
    <nav aria-label="Pages" style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-2)", alignItems: "center" }}>
      <button type="button" onClick={() => go(1)} disabled={page <= 1}>
        First
      </button>
      <button type="button" onClick={() => go(page - 1)} disabled={page <= 1}>
        Previous
      </button>
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      <button type="button" onClick={() => go(page + 1)} disabled={page >= pageCount}>
        Next
      </button>
      <button type="button" onClick={() => go(pageCount)} disabled={page >= pageCount}>
        Last
      </button>
      <label style={{ marginLeft: "auto" }}>
        Rows per page{" "}
        <select
          value={size}
          onChange={(e) => void setState({ size: Number(e.target.value) as (typeof PAGE_SIZES)[number], page: null })}
        >
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
