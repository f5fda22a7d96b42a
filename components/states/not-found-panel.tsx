import Link from "next/link";

export function NotFoundPanel({ what = "page", back = { href: "/", label: "Go to the overview" } }: { what?: string; back?: { href: string; label: string } }) {
  return (
    <section className="card" style={{ maxWidth: 640 }}>
      <p className="muted small" style={{ margin: 0 }}>404</p>
      <h1>No such {what}</h1>
      <p>The address may be mistyped, or the {what} was removed.</p>
      <Link href={back.href} className="button">
        {back.label}
      </Link>
    </section>
  );
}
