"use client";

import { safeRedirectPath } from "@/lib/safe-redirect";
import { useState, type FormEvent } from "react";
import { signInSchema } from "@/lib/schemas/user";

/**
 * Posts to the auth library's own endpoint rather than a server action: its
 * rate limit (which slows repeated failures) applies only to HTTP requests.
 */
export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => issue.message).join("; "));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...parsed.data, rememberMe: true }),
        credentials: "same-origin",
      });
      if (response.ok) {
        // A full load, so the server renders every part of the page for the signed-in user.
        window.location.assign(safeRedirectPath(next));
        return;
      }
      if (response.status === 429) {
        const wait = response.headers.get("X-Retry-After");
        setError(`Too many sign-in attempts. Wait ${wait ? `${wait} seconds` : "a minute"} and try again.`);
      } else if (response.status === 401) {
        setError("Wrong email or password.");
      } else {
        setError(`Sign-in failed (${response.status}). Try again.`);
      }
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="stack" aria-label="Sign in" noValidate>
      <label style={{ display: "grid", gap: "var(--space-1)" }}>
        Email
        <input type="email" name="email" autoComplete="username" required />
      </label>
      <label style={{ display: "grid", gap: "var(--space-1)" }}>
        Password
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" style={{ color: "var(--bad)" }}>
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
      <noscript>Signing in needs JavaScript in this version.</noscript>
    </form>
  );
}
