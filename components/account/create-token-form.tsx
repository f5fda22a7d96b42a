"use client";

import { useActionState, useState } from "react";
import type { FormAction } from "@/lib/schemas/common";
import { FieldError, FormFeedback } from "@/components/pledge-edit/form-feedback";
import formStyles from "@/components/pledge-edit/pledge-edit.module.css";
import styles from "./api-tokens.module.css";

/** The plain token, right after it was made: the only time anyone sees it. */
function NewToken({ token }: { token: string }) {
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className={styles.once} data-testid="new-token">
      <p>
        <strong>Copy this token now: you will not see it again.</strong> Only a digest of it is stored; if it is lost, revoke it and
        create another.
      </p>
      <div className={styles.secret}>
        <label className="visually-hidden" htmlFor="new-token-value">
          New API token
        </label>
        <input id="new-token-value" type="text" readOnly value={token} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button" onClick={copy}>
          Copy token
        </button>
      </div>
      <p className="small" aria-live="polite">
        {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "The browser did not allow copying: select the token and copy it." : ""}
      </p>
    </div>
  );
}

/** Issues a token for a chosen user; the plain token comes back once, in this form's state only. */
export function CreateTokenForm({ users, action }: { users: { id: string; email: string }[]; action: FormAction }) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <div className="stack">
      <form action={submit} className={formStyles.form} aria-label="Create an API token">
        <div className={formStyles.row}>
          <label className={formStyles.field}>
            User
            <select key={values.userId ?? ""} name="userId" required defaultValue={values.userId ?? ""}>
              <option value="" disabled>
                Choose a user
              </option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.email}
                </option>
              ))}
            </select>
          </label>
          <label className={formStyles.field}>
            Name (what it is for)
            <input type="text" name="name" required maxLength={100} defaultValue={values.name} placeholder="e.g. nightly export" />
          </label>
          <button type="submit" className="button primary" disabled={pending}>
            Create token
          </button>
        </div>
        <FieldError state={state} name="userId" id="token-user-error" />
        <FieldError state={state} name="name" id="token-name-error" />
        <FormFeedback state={state} />
      </form>
      {state.ok && state.token ? <NewToken key={state.token} token={state.token} /> : null}
    </div>
  );
}
