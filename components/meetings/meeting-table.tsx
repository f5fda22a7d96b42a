import Link from "next/link";
import type { MeetingRow } from "@/server/queries/meetings";
import type { MeetingSortKey, SortDirection } from "@/lib/table-state";

const COLUMNS: { key: MeetingSortKey; label: string; numeric?: boolean }[] = [
  { key: "date", label: "Meeting date" },
  { key: "title", label: "Readout title" },
  { key: "place", label: "Place" },
  { key: "outlet", label: "Outlet" },
  { key: "pledges", label: "Pledges found", numeric: true },
  { key: "new", label: "New", numeric: true },
  { key: "repeated", label: "Repeated", numeric: true },
];

const TEXT_KEYS: MeetingSortKey[] = ["title", "place", "outlet"];

/** Sorting is plain links, so the table works before any script loads and every order has its own URL. */
export function MeetingTable({ rows, sort }: { rows: MeetingRow[]; sort: { key: MeetingSortKey; dir: SortDirection } }) {
  if (!rows.length) {
    return (
      <div className="empty-state">
        <p>No meetings yet. Ingest a readout to see it here.</p>
      </div>
    );
  }
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Meetings table">
      <table className="data" data-testid="meeting-table">
        <thead>
          <tr>
            {COLUMNS.map((col) => {
              const active = sort.key === col.key;
              const firstDir: SortDirection = TEXT_KEYS.includes(col.key) ? "asc" : "desc";
              const nextDir: SortDirection = active ? (sort.dir === "asc" ? "desc" : "asc") : firstDir;
              return (
                <th
                  key={col.key}
                  scope="col"
                  className={col.numeric ? "num" : undefined}
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  <Link href={`/meetings?sort=${col.key}.${nextDir}`} className="sort-link" scroll={false}>
                    {col.label} <span aria-hidden="true">{active ? (sort.dir === "asc" ? "↑" : "↓") : "↕"}</span>
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <td className="nowrap">{m.meetingDate}</td>
              <td style={{ minWidth: "16rem" }}>
                <Link href={`/meetings/${m.id}`}>{m.title}</Link>
              </td>
              <td>{m.place ?? "—"}</td>
              <td>
                {m.outlet ?? "—"}
                {m.otherSources > 0 ? <span className="muted small"> + {m.otherSources === 1 ? "1 other source" : `${m.otherSources} other sources`}</span> : null}
              </td>
              <td className="num">{m.pledges}</td>
              <td className="num">{m.newPledges}</td>
              <td className="num">{m.repeatedPledges}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
