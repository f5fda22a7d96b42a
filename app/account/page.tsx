import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth";
import { roleLabel } from "@/lib/schemas/role";
import { listApiTokens } from "@/server/queries/api-tokens";
import { changePasswordAction } from "@/server/actions/account";
import { revokeApiTokenAction } from "@/server/actions/api-tokens";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TokenList } from "@/components/account/token-list";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

// Every signed-in user's own page: the password, and the API tokens issued to them.
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ passwordChanged?: string }> }) {
  const actor = await getSession();
  const { passwordChanged } = await searchParams;
  if (!actor) redirect("/login?next=/account");
  const tokens = await listApiTokens({ userId: actor.id });
  return (
    <div className="stack">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.email}</strong> · {roleLabel(actor.role)}
      </p>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <p className="muted small">Changing it signs you out on every other device and browser.</p>
        <ChangePasswordForm key={passwordChanged ?? ""} action={changePasswordAction} changed={passwordChanged !== undefined} />
      </section>
      <section className="card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your API tokens</h2>
        <p className="muted small">An admin issues tokens; revoke one here as soon as you no longer need it or it may have leaked.</p>
        <TokenList tokens={tokens} revoke={revokeApiTokenAction} showOwner={false} />
      </section>
    </div>
  );
}
