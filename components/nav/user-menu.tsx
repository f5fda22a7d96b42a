import Link from "next/link";
import { hasRole, roleLabel } from "@/lib/schemas/role";
import type { Actor } from "@/server/services/actor";

/** "Sign in", or who is signed in, with which role, their account, and a way out. */
export function UserMenu({ actor, signOut }: { actor: Actor | null; signOut: () => Promise<void> }) {
  if (!actor) return <Link href="/login">Sign in</Link>;
  return (
    <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "var(--space-3)" }}>
      <span className="small" data-testid="signed-in-user">
        {actor.email} <span className="badge">{roleLabel(actor.role)}</span>
      </span>
      <Link href="/account">Account</Link>
      {hasRole(actor.role, "ADMIN") ? <Link href="/admin">Users</Link> : null}
      <form action={signOut}>
        <button type="submit" className="button">
          Sign out
        </button>
      </form>
    </div>
  );
}
