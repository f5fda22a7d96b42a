import type { AdminAccounts } from "@/server/queries/admin-accounts";
import { dateTime } from "@/lib/format";

// Roles are stored as enum names (ANALYST) and times as ISO strings; both are shown as people read them.
const showValue = (v: unknown) =>
  typeof v !== "string" ? String(v) : /^[A-Z_]+$/.test(v) ? v.toLowerCase() : /^\d{4}-\d\d-\d\dT/.test(v) ? dateTime(v) : v;
const show = (value: Record<string, unknown> | null) =>
  value ? Object.entries(value).map(([key, v]) => `${key} ${showValue(v)}`).join(", ") : "nothing";

const KIND: Record<string, string> = {
  USER_CREATED: "Account created",
  ROLE_CHANGED: "Role changed",
  USER_DEACTIVATED: "Account deactivated",
  USER_REACTIVATED: "Account reactivated",
  TOKEN_CREATED: "API token created",
  TOKEN_REVOKED: "API token revoked",
  PASSWORD_CHANGED: "Password changed",
};

/** Every administrative change, newest first: what, whose, before and after, who, and when. */
export function AccountHistory({ history }: { history: AdminAccounts["history"] }) {
  if (history.length === 0) return <p className="muted">No account changes recorded yet.</p>;
  return (
    <ol className="stack" style={{ listStyle: "none", padding: 0 }} aria-label="Account history">
      {history.map((event) => (
        <li key={event.id} data-testid="account-event">
          <time dateTime={event.at} className="muted">{dateTime(event.at)}</time> · <strong>{KIND[event.kind] ?? event.kind}</strong>: {event.target} ·
          before: {show(event.before)} → after: {show(event.after)} · by {event.by}
        </li>
      ))}
    </ol>
  );
}
