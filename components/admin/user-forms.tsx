"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/schemas/common";
import { ROLES, roleLabel } from "@/lib/schemas/role";
import { FieldError, FormFeedback } from "@/components/pledge-edit/form-feedback";
import styles from "@/components/pledge-edit/pledge-edit.module.css";

function RoleSelect({ name, defaultValue, label }: { name: string; defaultValue: string; label: string }) {
  return (
    <label className={styles.field}>
      {label}
      <select name={name} defaultValue={defaultValue}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleLabel(role)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A new account with its role; the password policy is checked on the server. */
export function CreateUserForm({ action }: { action: FormAction }) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={submit} className={styles.form} aria-label="Create a user">
      <div className={styles.row}>
        <label className={styles.field}>
          Email
          <input type="email" name="email" required maxLength={254} defaultValue={values.email} />
        </label>
        <label className={styles.field}>
          Name (optional)
          <input type="text" name="name" maxLength={200} defaultValue={values.name} />
        </label>
        {/* A select's default applies when it mounts: remounted after a refusal, it keeps the role chosen. */}
        <RoleSelect key={values.role ?? "VIEWER"} name="role" defaultValue={values.role ?? "VIEWER"} label="Role" />
      </div>
      <label className={styles.field}>
        First password (at least 12 characters, hard to guess)
        <input type="password" name="password" required minLength={12} maxLength={128} autoComplete="new-password" />
      </label>
      <FieldError state={state} name="email" id="create-email-error" />
      <FieldError state={state} name="password" id="create-password-error" />
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          Create user
        </button>
      </div>
      <FormFeedback state={state} />
    </form>
  );
}

/** One user's row of controls: role, and deactivate or reactivate. */
export function UserControls({ user, roleAction, activeAction }: { user: { id: string; email: string; role: string; active: boolean }; roleAction: FormAction; activeAction: FormAction }) {
  const [roleState, submitRole, changingRole] = useActionState(roleAction, { ok: false });
  const [activeState, submitActive, changingActive] = useActionState(activeAction, { ok: false });
  return (
    <div>
      <div className={styles.actions}>
        <form action={submitRole} className={styles.actions} aria-label={`Role of ${user.email}`}>
          <input type="hidden" name="userId" value={user.id} />
          {/* Remounted when the role changes, so the form's reset after saving shows the role the user has now. */}
          <RoleSelect key={user.role} name="role" defaultValue={user.role} label="Role" />
          <button type="submit" className="button" disabled={changingRole}>
            Change role
          </button>
        </form>
        <form action={submitActive} aria-label={`Access of ${user.email}`}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <button type="submit" className="button" disabled={changingActive}>
            {user.active ? "Deactivate" : "Reactivate"}
          </button>
        </form>
      </div>
      <FormFeedback state={roleState} />
      <FieldError state={roleState} name="role" id={`role-error-${user.id}`} />
      <FormFeedback state={activeState} />
      <FieldError state={activeState} name="active" id={`active-error-${user.id}`} />
    </div>
  );
}
