import { STATUS_INFO, isStatus } from "@/lib/status";
import { STATUS_COLORS } from "@/components/charts/palette";

/** The status word with its colour swatch; the meaning is in the title for a pointer and in the text elsewhere. */
export function StatusBadge({ status }: { status: string }) {
  const info = isStatus(status) ? STATUS_INFO[status] : { label: status, meaning: "" };
  const color = isStatus(status) ? STATUS_COLORS[status] : "var(--muted)";
  return (
    <span className="badge" title={info.meaning}>
      <span aria-hidden="true" style={{ display: "inline-block", width: 8, height: 8, borderRadius: 2, background: color, marginRight: 6 }} />
      {info.label}
    </span>
  );
}
