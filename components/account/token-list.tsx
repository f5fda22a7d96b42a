"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/schemas/common";
import { dateTime } from "@/lib/format";
import { FormFeedback } from "@/components/pledge-edit/form-feedback";
import styles from "./api-tokens.module.css";

export interface TokenRow {
  id: number;
  name: string;
  owner: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function RevokeButton({ token, action }: { token: TokenRow; action: FormAction }) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  return (
    <form action={submit} aria-label={`Revoke ${token.name} of ${token.owner}`}>
      <input type="hidden" name="id" value={token.id} />
      <button type="submit" className="button" disabled={pending}>
        Revoke<span className="visually-hidden"> {token.name}</span>
      </button>
      <FormFeedback state={state} />
    </form>
  );
}

/** API tokens with their owner, when they were made and last used, and a revoke button while active. */
export function TokenList({ tokens, revoke, showOwner }: { tokens: TokenRow[]; revoke: FormAction; showOwner: boolean }) {
  if (tokens.length === 0) return <p className="muted">No API tokens yet.</p>;
  return (
    <ul className={styles.list} aria-label="API tokens">
      {tokens.map((token) => (
        <li key={token.id} className={styles.token} data-testid="token-row">
          <div className={styles.details}>
            <p>
              <strong>{token.name}</strong>
              {showOwner ? <> · {token.owner}</> : null} ·{" "}
              {token.revokedAt ? (
                <span className={styles.revoked}>
                  revoked <span className="nowrap">{dateTime(token.revokedAt)}</span>
                </span>
              ) : (
                <span className="badge">active</span>
              )}
            </p>
            <p className="small muted">
              Token {token.id} · created <span className="nowrap">{dateTime(token.createdAt)}</span> · last used{" "}
              <span className="nowrap">{token.lastUsedAt ? dateTime(token.lastUsedAt) : "never"}</span>
            </p>
          </div>
          {token.revokedAt ? null : <RevokeButton token={token} action={revoke} />}
        </li>
      ))}
    </ul>
  );
}
