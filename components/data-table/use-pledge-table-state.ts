"use client";

import { useTransition } from "react";
import { useQueryStates } from "nuqs";
import { pledgeTableParsers } from "@/lib/table-state";

/**
 * The pledge table's state, read from and written to the URL. Writes ask the
 * server for a new page (shallow: false) inside a transition, so the current
 * rows stay on screen, dimmed, until the new ones arrive.
 */
export function usePledgeTableState() {
  const [isPending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(pledgeTableParsers, {
    shallow: false,
    history: "push",
    scroll: false,
    startTransition,
  });
  return { state, setState, isPending };
}
