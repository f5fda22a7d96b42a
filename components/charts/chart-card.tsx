import type { ReactNode } from "react";
import Link from "next/link";
import { DataTableDetails, type DataTableProps } from "./data-table-details";
import styles from "./charts.module.css";

/**
 * The frame every chart shares: a title, what it shows, the chart or an empty
 * state, and the same numbers as a table for screen readers and copying.
 */
export function ChartCard({
  title,
  description,
  empty,
  emptyText = "No data to show for these filters yet.",
  table,
  more,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  empty: boolean;
  emptyText?: string;
  table?: DataTableProps;
  more?: { href: string; label: string };
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className={`card ${styles.card}`} data-testid={testId}>
      <header className={styles.head}>
        <h2>{title}</h2>
        {more ? (
          <Link href={more.href} className="small">
            {more.label}
          </Link>
        ) : null}
      </header>
      {description ? <p className="muted small">{description}</p> : null}
      {empty ? <div className="empty-state">{emptyText}</div> : children}
      {!empty && table ? <DataTableDetails {...table} /> : null}
    </section>
  );
}
