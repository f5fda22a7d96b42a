"use client";

import { serializePledgeTable } from "@/lib/table-state";
import { usePledgeTableState } from "./use-pledge-table-state";

/** Exports every row of the current view, all pages, in the current order. */
export function ExportLink() {
  const { state } = usePledgeTableState();
  const href = serializePledgeTable("/api/export?format=csv&view=table", { ...state, page: null, size: null, hide: null });
  return (
    <a className="button" href={href} download data-testid="export-csv">
      Download CSV
    </a>
  );
}
