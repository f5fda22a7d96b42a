/** A legend drawn in HTML, for the charts that are not recharts (heatmap, matrix). */
export function SwatchLegend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <ul style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-3)", listStyle: "none", margin: "var(--space-2) 0 0", padding: 0 }} className="small">
      {items.map((item) => (
        <li key={item.label} style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
          <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 2, background: item.color, border: "1px solid var(--border)" }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
