import Link from "next/link";
import type { ReactNode } from "react";
import type { OverviewPledge } from "@/server/queries/overview";
import { StatusBadge } from "@/components/ui/status-badge";

export function PledgeListCard({
  title,
  lead,
  pledges,
  empty,
  more,
  testId,
}: {
  title: string;
  lead?: ReactNode;
  pledges: OverviewPledge[];
  empty: string;
  more?: { href: string; label: string };
  testId?: string;
}) {
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      {lead ? <p className="muted small">{lead}</p> : null}
      {pledges.length ? (
        <ol style={{ margin: 0, paddingLeft: "1.3rem" }}>
          {pledges.map((p) => (
            <li key={p.id} style={{ marginBottom: "var(--space-3)" }}>
              <Link href={`/pledges/${p.id}`}>{p.title}</Link>
              <div className="small muted" style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-2)", alignItems: "center" }}>
                <span>
                  {p.meetingCount} meetings · {p.mentionCount} mentions · since {p.firstMentionDate ?? "—"}
                </span>
                <StatusBadge status={p.status} />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{empty}</p>
      )}
      {more ? (
        <p style={{ margin: 0 }}>
          <Link href={more.href}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  );
}
