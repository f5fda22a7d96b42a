"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/schemas/common";
import { FieldError, FormFeedback } from "@/components/pledge-edit/form-feedback";
import styles from "@/components/pledge-edit/pledge-edit.module.css";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password (at least 12 characters, hard to guess: a phrase of unrelated words works well)", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

/** Current password, new password and its confirmation; the server checks all three and the policy. */
export function ChangePasswordForm({ action, changed }: { action: FormAction; changed: boolean }) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  // After a change the page is opened anew (the session was replaced); it says so until the next attempt.
  const shown = changed && !state.message ? { ok: true, message: "Password changed. You stay signed in here; every other session has been signed out." } : state;
  return (
    <form action={submit} className={styles.form} aria-label="Change your password">
      {FIELDS.map((field) => {
        const errorId = `${field.name}-error`;
        const invalid = Boolean(state.fieldErrors?.[field.name]?.length);
        return (
          <div key={field.name} className={styles.field}>
            <label htmlFor={field.name}>{field.label}</label>
            <input
              id={field.name}
              type="password"
              name={field.name}
              required
              maxLength={128}
              minLength={field.name === "currentPassword" ? undefined : 12}
              autoComplete={field.autoComplete}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? errorId : undefined}
            />
            <FieldError state={state} name={field.name} id={errorId} />
          </div>
        );
      })}
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          Change password
        </button>
      </div>
      <FormFeedback state={shown} />
    </form>
  );
}
