import Link from "next/link";
import type { Overview } from "@/server/queries/overview";
import { STATUSES, STATUS_INFO } from "@/lib/status";
import { formatCount, percent } from "@/lib/format";
import { STATUS_COLORS } from "@/components/charts/palette";
import { FigureCard } from "@/components/ui/figure-card";

export function HeadlineFigures({ overview }: { overview: Overview }) {
  const count = (status: string) => overview.byStatus.find((s) => s.status === status)?.pledges ?? 0;
  return (
    <div className="stack">
      <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 200px), 1fr))" }}>
        <FigureCard value={formatCount(overview.meetings)} label="Meetings" detail={<Link href="/meetings">All meetings</Link>} />
        <FigureCard value={formatCount(overview.pledges)} label="Pledges" detail={<Link href="/pledges">All pledges</Link>} />
        <FigureCard
          value={formatCount(overview.repeated)}
          label="Repeated in two or more meetings"
          detail={
            <>
              {percent(overview.repeated, overview.pledges)} of pledges · <Link href="/pledges?repeated=true">Show them</Link>
            </>
          }
        />
      </div>
      <section className="card" aria-labelledby="status-share-heading">
        <h2 id="status-share-heading">Pledges by status</h2>
        <div
          aria-hidden="true"
          style={{ display: "flex", height: 14, borderRadius: 7, overflow: "hidden", background: "var(--surface-2)", marginBottom: "var(--space-3)" }}
        >
          {STATUSES.map((s) =>
            count(s) ? <div key={s} style={{ flex: count(s), background: STATUS_COLORS[s] }} title={STATUS_INFO[s].label} /> : null,
          )}
        </div>
        <ul style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 200px), 1fr))", gap: "var(--space-2)", listStyle: "none", margin: 0, padding: 0 }}>
          {STATUSES.map((s) => (
            <li key={s} style={{ display: "flex", gap: 8, alignItems: "baseline" }}>
              <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: 2, background: STATUS_COLORS[s], flex: "none" }} />
              <Link href={`/pledges?status=${s}`}>{STATUS_INFO[s].label}</Link>
              <span className="muted nowrap">
                {formatCount(count(s))} ({percent(count(s), overview.pledges)})
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
