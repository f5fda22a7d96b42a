/**
 * What a database failure means for a write. A connection that was never made (refused, timed
 * out waiting for the pool, server starting up) means nothing was sent, so nothing was saved. A
 * connection lost while the transaction ran or committed leaves the outcome unknown: the server
 * may have committed before the answer was lost, so the user is never told "not saved" then.
 */
export type DatabaseFailure = "unreachable" | "lost" | null;

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "P1001", "P1000", "P1002", "P2024", "57P03", "53300"]);
const LOST_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "P1017", "57P01", "57P02", "08000", "08003", "08006", "08001"]);
const UNREACHABLE_TEXT = /ECONNREFUSED|can't reach database|could not connect|connection refused|timed out fetching a new connection|the database system is (starting up|shutting down)|too many clients/i;
const LOST_TEXT = /connection terminated|server closed the connection|connection ended|terminating connection|Connection lost|socket hang up|ECONNRESET|read ECONN/i;

function* chain(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    yield current;
    const next = (current as { cause?: unknown }).cause;
    if (next === current) return;
    current = next;
  }
}

export function databaseFailure(error: unknown): DatabaseFailure {
  let lost = false;
  for (const link of chain(error)) {
    const code = String((link as { code?: unknown }).code ?? (link as { errorCode?: unknown }).errorCode ?? "");
    const message = link instanceof Error ? link.message : String(link);
    const name = link instanceof Error ? link.name : "";
    if (UNREACHABLE_CODES.has(code) || UNREACHABLE_TEXT.test(message) || name === "PrismaClientInitializationError") return "unreachable";
    if (LOST_CODES.has(code) || LOST_TEXT.test(message)) lost = true;
  }
  return lost ? "lost" : null;
}

/** The message a user sees when a change failed because of the database. */
export function failureMessage(error: unknown): string {
  switch (databaseFailure(error)) {
    case "unreachable":
      return "The database is not reachable right now; nothing was saved. Try again in a moment.";
    case "lost":
      return "The connection to the database was lost while saving, so the change may or may not have been saved. Reload the page to see before trying again.";
    default:
      return "Something went wrong; nothing was saved.";
  }
}
