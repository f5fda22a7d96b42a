import type { ReactNode } from "react";

export function PageHeader({ title, lead, actions }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-3)", alignItems: "flex-end", marginBottom: "var(--space-5)" }}>
      <div style={{ flex: "1 1 320px", minWidth: 0 }}>
        <h1>{title}</h1>
        {lead ? <p className="muted" style={{ margin: 0 }}>{lead}</p> : null}
      </div>
      {actions ? <div>{actions}</div> : null}
    </header>
  );
}
