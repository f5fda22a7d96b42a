import type { ReactNode } from "react";

/** One headline number with what it counts. */
export function FigureCard({ value, label, detail }: { value: ReactNode; label: string; detail?: ReactNode }) {
  return (
    <div className="card">
      <div style={{ fontSize: "2rem", fontWeight: 700, fontVariantNumeric: "tabular-nums", lineHeight: 1.1 }}>{value}</div>
      <div>{label}</div>
      {detail ? <div className="muted small">{detail}</div> : null}
    </div>
  );
}
