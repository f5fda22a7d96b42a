import Link from "next/link";
import type { RecurrenceMatrix as Matrix } from "@/server/queries/trends";
import { ChartCard } from "./chart-card";
import { SwatchLegend } from "./palette-legend";
import styles from "./charts.module.css";

/** Pledge × meeting: which meetings repeated which pledges, most repeated first. Each filled cell opens that mention in its readout. */
export function RecurrenceMatrix({ matrix }: { matrix: Matrix }) {
  const cell = new Map(matrix.cells.map((c) => [`${c.pledgeId}|${c.meetingId}`, c]));
  return (
    <ChartCard
      title="Pledge recurrence"
      description="Pledges repeated in two or more meetings (rows, most repeated first) against the meetings that mentioned them (columns, oldest first). A filled cell links to the mention; its number counts mentions in that readout."
      empty={!matrix.pledges.length}
      emptyText="No pledge has been repeated in a second meeting yet."
      testId="recurrence-matrix"
      table={{
        caption: "Mentions per pledge and meeting",
        columns: ["Pledge", ...matrix.meetings.map((m) => m.date)],
        rows: matrix.pledges.map((p) => [p.title, ...matrix.meetings.map((m) => cell.get(`${p.id}|${m.id}`)?.mentions ?? 0)]),
      }}
    >
      <div className="table-scroll" style={{ border: "none" }} tabIndex={0} role="region" aria-label="Pledge by meeting matrix">
        <table className={styles.heatmap}>
          <caption className="visually-hidden">Pledges (rows) by meetings (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Pledge</th>
              {matrix.meetings.map((m) => (
                <th key={m.id} scope="col" title={m.title}>
                  <Link href={`/meetings/${m.id}`} className={styles.matrixHead}>
                    {m.date}
                  </Link>
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
                {matrix.meetings.map((m) => {
                  const c = cell.get(`${p.id}|${m.id}`);
                  return (
                    <td key={m.id} style={{ padding: 0, border: "none" }}>
                      {c ? (
                        <Link
                          href={`/meetings/${m.id}#mention-${c.mentionId}`}
                          className={styles.cell}
                          aria-label={`${p.title}, mentioned ${c.mentions === 1 ? "once" : `${c.mentions} times`} on ${m.date}`}
                        >
                          {c.mentions}
                        </Link>
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
          { label: "mentioned in that meeting (links to the mention)", color: "#0072b2" },
          { label: "not mentioned", color: "transparent" },
        ]}
      />
    </ChartCard>
  );
}
