import type { ActionState } from "@/lib/schemas/common";
import { statusLabel } from "@/lib/status";
import styles from "./pledge-edit.module.css";

/** The errors of one field, tied to it by id for screen readers. */
export function FieldError({ state, name, id }: { state: ActionState; name: string; id: string }) {
  const errors = state.fieldErrors?.[name];
  if (!errors?.length) return null;
  return (
    <p className={styles.error} id={id}>
      {errors.join("; ")}
    </p>
  );
}

/** The outcome of the last submission; a conflict shows what changed meanwhile. */
export function FormFeedback({ state }: { state: ActionState }) {
  if (!state.message) return null;
  if (state.ok) {
    return (
      <p className={styles.ok} role="status">
        {state.message}
      </p>
    );
  }
  if (state.conflict) {
    return (
      <div className={styles.conflict} role="alert">
        <p>{state.message}</p>
        {state.conflict.changes.length > 0 && (
          <ul>
            {state.conflict.changes.map((change, index) => (
              <li key={index}>
                {change.at.slice(0, 16).replace("T", " ")} UTC · {change.by ?? "unknown user"} · {change.kind.toLowerCase().replace(/_/g, " ")}
                {change.toStatus ? ` → ${statusLabel(change.toStatus)}` : ""}
                {change.note ? `: “${change.note}”` : ""}
              </li>
            ))}
          </ul>
        )}
        <p className="small">The page now shows the current version; your entries are kept below.</p>
      </div>
    );
  }
  return (
    <p className={styles.error} role="alert">
      {state.message}
    </p>
  );
}
