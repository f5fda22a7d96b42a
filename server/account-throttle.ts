import { createHash } from "node:crypto";
import type { Db } from "@/server/db";

/**
 * Failed sign-ins counted per account, whatever address they come from: after
 * ACCOUNT_MAX_FAILURES (default 10) wrong passwords within ACCOUNT_WINDOW_SECONDS (default 15
 * minutes) the account refuses sign-in until the window has passed since the last failure. The
 * counts live in the auth library's own rate-limit table, so every app instance shares them.
 */
export function accountLimit(): { max: number; windowMs: number } {
  const max = Number(process.env.ACCOUNT_MAX_FAILURES ?? 10);
  const seconds = Number(process.env.ACCOUNT_WINDOW_SECONDS ?? 900);
  return {
    max: Number.isInteger(max) && max > 0 ? max : 10,
    windowMs: (Number.isInteger(seconds) && seconds > 0 ? seconds : 900) * 1000,
  };
}

/** The row key: a digest, so the table does not list which emails were tried. */
const keyOf = (email: string) => `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;

/** Seconds the account must still wait, or 0 when it may try. */
export async function accountWait(db: Db, email: string, now = Date.now()): Promise<number> {
  const { max, windowMs } = accountLimit();
  const row = await db.rateLimit.findUnique({ where: { key: keyOf(email) } });
  if (!row || row.count < max) return 0;
  const until = Number(row.lastRequest) + windowMs;
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** Counts one failed attempt (a window that has passed starts again from one). */
export async function recordFailure(db: Db, email: string, now = Date.now()): Promise<void> {
  const { windowMs } = accountLimit();
  const key = keyOf(email);
  await db.$executeRaw`
    insert into "rateLimit" (id, key, count, "lastRequest") values (${key}, ${key}, 1, ${now})
    on conflict (key) do update
      set count = case when "rateLimit"."lastRequest" < ${now - windowMs} then 1 else "rateLimit".count + 1 end,
          "lastRequest" = ${now}`;
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keyOf(email) } });
}
