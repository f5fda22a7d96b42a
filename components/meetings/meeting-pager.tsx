import Link from "next/link";

/** Plain links, so every page of the list is a shareable URL and works without JavaScript. */
export function MeetingPager({ page, pageCount, total, sort }: { page: number; pageCount: number; total: number; sort: string }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/meetings?sort=${sort}&page=${p}`;
  return (
    <nav aria-label="Meeting pages" style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-3)", marginTop: "var(--space-4)", justifyContent: "space-between" }}>
      <span className="muted small">
        Page {page} of {pageCount} · {total.toLocaleString("en")} meetings
      </span>
      <span style={{ display: "flex", gap: "var(--space-3)" }}>
        {page > 1 ? <Link href={href(1)}>First</Link> : null}
        {page > 1 ? <Link href={href(page - 1)} rel="prev">Previous</Link> : null}
        {page < pageCount ? <Link href={href(page + 1)} rel="next">Next</Link> : null}
        {page < pageCount ? <Link href={href(pageCount)}>Last</Link> : null}
      </span>
    </nav>
  );
}
