import Link from "next/link";
import type { RecurrenceMatrix as Matrix } from "@/server/queries/trends";
import { ChartCard } from "./chart-card";
import { SwatchLegend } from "./palette-legend";
import styles from "./charts.module.css";

/**
 * Pledge × meeting (or × year, once there are more meetings than fit a screen):
 * which meetings repeated which pledges, most repeated first. Each filled cell
 * opens the mention in its readout.
 */
export function RecurrenceMatrix({ matrix }: { matrix: Matrix }) {
  const cell = new Map(matrix.cells.map((c) => [`${c.pledgeId}|${c.column}`, c]));
  const unit = matrix.by === "meeting" ? "meeting" : "year";
  return (
    <ChartCard
      title="Pledge recurrence"
      description={`Pledges repeated in two or more meetings (rows, most repeated first) against the ${unit === "meeting" ? "meetings that mentioned them" : "years of the meetings that mentioned them"} (columns, oldest first). A filled cell links to the ${unit === "meeting" ? "mention" : "first mention that year"}; its number counts mentions.`}
      empty={!matrix.pledges.length}
      emptyText="No pledge has been repeated in a second meeting yet."
      testId="recurrence-matrix"
      table={{
        caption: `Mentions per pledge and ${unit}`,
        columns: ["Pledge", ...matrix.columns.map((c) => c.label)],
        rows: matrix.pledges.map((p) => [p.title, ...matrix.columns.map((c) => cell.get(`${p.id}|${c.key}`)?.mentions ?? 0)]),
      }}
    >
      <div className="table-scroll" style={{ border: "none" }} tabIndex={0} role="region" aria-label={`Pledge by ${unit} matrix`}>
        <table className={styles.heatmap}>
          <caption className="visually-hidden">{`Pledges (rows) by ${unit}s (columns)`}</caption>
          <thead>
            <tr>
              <th scope="col">Pledge</th>
              {matrix.columns.map((c) => (
                <th key={c.key} scope="col" title={c.title}>
                  {c.href ? (
                    <Link href={c.href} className={styles.matrixHead}>
                      {c.label}
                    </Link>
                  ) : (
                    <span className={styles.matrixHead}>{c.label}</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.pledges.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={`/pledges/${p.id}`} title={p.title} className={styles.matrixRow}>
                    {p.title}
                  </Link>
                </th>
                {matrix.columns.map((col) => {
                  const c = cell.get(`${p.id}|${col.key}`);
                  return (
                    <td key={col.key} style={{ padding: 0, border: "none" }}>
                      {c ? (
                        // A plain link: hundreds of cells as client-side links cost more to render and
                        // hydrate (and prefetch) than the page's data; a cell opens a readout anyway.
                        <a
                          href={c.href}
                          className={styles.cell}
                          aria-label={`${p.title}, mentioned ${c.mentions === 1 ? "once" : `${c.mentions} times`} ${unit === "meeting" ? "on" : "in"} ${col.label}`}
                        >
                          {c.mentions}
                        </a>
                      ) : (
                        <span className={styles.cell}>
                          <span className="visually-hidden">not mentioned</span>
                        </span>
                      )}
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
          { label: `mentioned in that ${unit} (links to the mention)`, color: "#0072b2" },
          { label: "not mentioned", color: "transparent" },
        ]}
      />
    </ChartCard>
  );
}
