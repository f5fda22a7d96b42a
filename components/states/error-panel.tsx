"use client";

import { useEffect } from "react";

/** What every error.tsx shows: a plain explanation and a way to try again. */
export function ErrorPanel({ error, reset, what = "this page" }: { error: Error & { digest?: string }; reset: () => void; what?: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="card" role="alert" style={{ maxWidth: 640 }}>
      <h1>Something went wrong</h1>
      <p>We could not load {what}. The database may be unavailable or busy. Your filters are kept in the address bar.</p>
      {error.digest ? <p className="muted small">Reference: {error.digest}</p> : null}
      <button type="button" className="button primary" onClick={() => reset()}>
        Try again
      </button>
    </section>
  );
}
