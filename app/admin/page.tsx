import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth";
import { hasRole, roleLabel } from "@/lib/schemas/role";
import { getAdminAccounts } from "@/server/queries/admin-accounts";
import { changeUserRoleAction, createUserAction, setUserActiveAction } from "@/server/actions/admin";
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
  const { users, history } = await getAdminAccounts();
  return (
    <div className="stack">
      <h1>Users</h1>
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
      <section className="card" aria-labelledby="account-history-heading">
        <h2 id="account-history-heading">Account history</h2>
        <AccountHistory history={history} />
      </section>
    </div>
  );
}
