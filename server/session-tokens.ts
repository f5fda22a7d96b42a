import { createHash } from "node:crypto";
import type { Db } from "@/server/db";

/**
 * Session tokens are kept hashed at rest: the session table holds `sha256:<hex>` of each token, so
 * a copy of the database (a backup, a replica, a leaked dump) holds no token a browser could
 * present. The auth library reads and writes sessions through a client wrapped here: every token
 * it sends in a filter or a write is hashed on the way in, and a row read back by its token
 * carries that token again, so the library never sees a difference. A value already in the
 * hashed form passes unchanged (the library may hand back a row's stored token to revoke it);
 * that is safe because a browser's cookie is signed with the app's secret, which the database
 * does not hold.
 */
const PREFIX = "sha256:";

export function hashSessionToken(token: string): string {
  return token.startsWith(PREFIX) ? token : `${PREFIX}${createHash("sha256").update(token).digest("hex")}`;
}

type Known = Map<string, string>;

function hashValue(value: unknown, known: Known): unknown {
  if (typeof value !== "string") return value;
  const hashed = hashSessionToken(value);
  if (hashed !== value) known.set(hashed, value);
  return hashed;
}

/** A Prisma filter or data object with every `token` hashed, however deeply it is nested. */
function hashTokens(node: unknown, known: Known): unknown {
  if (Array.isArray(node)) return node.map((item) => hashTokens(item, known));
  if (!node || typeof node !== "object" || node instanceof Date) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== "token") {
      out[key] = hashTokens(value, known);
    } else if (value && typeof value === "object" && !Array.isArray(value)) {
      // A filter: { equals: "…" }, { in: [ … ] }, { set: "…" }.
      out[key] = Object.fromEntries(
        Object.entries(value).map(([op, operand]) => [op, Array.isArray(operand) ? operand.map((v) => hashValue(v, known)) : hashValue(operand, known)]),
      );
    } else {
      out[key] = hashValue(value, known);
    }
  }
  return out;
}

/** Rows read back by their token get the token the caller gave. */
function restoreTokens(result: unknown, known: Known): unknown {
  if (Array.isArray(result)) return result.map((row) => restoreTokens(row, known));
  if (result && typeof result === "object" && "token" in result) {
    const token = (result as { token: unknown }).token;
    if (typeof token === "string" && known.has(token)) return { ...result, token: known.get(token) };
  }
  return result;
}

/** The database client the auth library is given: the same connection pool, session tokens hashed. */
export function withHashedSessionTokens(db: Db) {
  return db.$extends({
    name: "hashed-session-tokens",
    query: {
      session: {
        async $allOperations({ args, query }) {
          const known: Known = new Map();
          const result = await query(hashTokens(args, known) as typeof args);
          return restoreTokens(result, known) as typeof result;
        },
      },
    },
  });
}
