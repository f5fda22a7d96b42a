import type { Metadata } from "next";
import Link from "next/link";
import { getSession } from "@/server/auth";
import { roleLabel } from "@/lib/schemas/role";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };


export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Only same-origin paths: a crafted ?next= must not send the user elsewhere after signing in.
  const next = safeRedirectPath((await searchParams).next);
  const actor = await getSession();
  return (
    <div className="stack" style={{ maxWidth: "28rem" }}>
      <h1>Sign in</h1>
      {actor ? (
        <p>
          You are signed in as {actor.email} ({roleLabel(actor.role)}). <Link href={next}>Continue</Link>
        </p>
      ) : (
        <>
          <p className="muted">
            Accounts are created by an administrator with <code>npm run user:create</code>; there is no public sign-up.
          </p>
          <LoginForm next={next} />
        </>
      )}
    </div>
  );
}
