import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth";
import { hasRole, roleLabel } from "@/lib/schemas/role";
import { getAdminAccounts } from "@/server/queries/admin-accounts";
import { listApiTokens } from "@/server/queries/api-tokens";
import { changeUserRoleAction, createUserAction, setUserActiveAction } from "@/server/actions/admin";
import { createApiTokenAction, revokeApiTokenAction } from "@/server/actions/api-tokens";
import { CreateTokenForm } from "@/components/account/create-token-form";
import { TokenList } from "@/components/account/token-list";
import { AccountHistory } from "@/components/admin/account-history";
import { CreateUserForm, UserControls } from "@/components/admin/user-forms";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

// The page is shown to admins only; every action behind it checks the admin role again on the server.
export default async function AdminPage() {
  const actor = await getSession();
  if (!actor) redirect("/login?next=/admin");
  if (!hasRole(actor.role, "ADMIN")) {
    return (
      <div className="stack">
        <h1>Users</h1>
        <p>Managing users needs the admin role; you are signed in as {roleLabel(actor.role).toLowerCase()}.</p>
      </div>
    );
  }
  const [{ users, history }, tokens] = await Promise.all([getAdminAccounts(), listApiTokens()]);
  return (
    <div className="stack">
      <h1>Users and API tokens</h1>
      <section className="card" aria-labelledby="create-heading">
        <h2 id="create-heading">Create a user</h2>
        <CreateUserForm action={createUserAction} />
      </section>
      <section className="card" aria-labelledby="users-heading">
        <h2 id="users-heading">Accounts</h2>
        <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
          {users.map((user) => (
            <li key={user.id} data-testid="user-row" aria-label={user.email}>
              <p style={{ margin: 0, overflowWrap: "anywhere" }}>
                <strong>{user.email}</strong> · {roleLabel(user.role)} · {user.active ? "active" : "deactivated"}
                {user.id === actor.id ? " (you)" : ""}
              </p>
              {user.id === actor.id ? null : <UserControls user={user} roleAction={changeUserRoleAction} activeAction={setUserActiveAction} />}
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="muted small">
          A token lets a script act as its owner, with the owner&apos;s current role: send it as <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
        <CreateTokenForm users={users.filter((user) => user.active)} action={createApiTokenAction} />
        <h3>Every token</h3>
        <TokenList tokens={tokens} revoke={revokeApiTokenAction} showOwner />
      </section>
      <section className="card" aria-labelledby="account-history-heading">
        <h2 id="account-history-heading">Account history</h2>
        <AccountHistory history={history} />
      </section>
    </div>
  );
}
