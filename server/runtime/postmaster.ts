import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** What PostgreSQL's lock file in a data folder says about the server using that folder. */
export interface Postmaster {
  pid: number;
  port: number;
}

/**
 * Reads `postmaster.pid`, the lock file PostgreSQL keeps in its data folder while it runs (line 1
 * the server's process id, line 4 its port). It is the one place that knows which port a data
 * folder's server listens on, whatever EMBEDDED_PG_PORT the reader was started with.
 */
export function readPostmaster(dataDir: string): Postmaster | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return { pid, port };
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the server runs as `postgres` under root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a PostgreSQL server answers a query at `url` within `timeoutMs`. */
export async function answers(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Stops the server running on `dataDir` with a fast shutdown (SIGINT: open transactions are rolled
 * back, everything committed is kept) and waits until its process is gone; SIGKILL after
 * `timeoutMs` if it does not go. Returns false when no server was running.
 */
export async function stopPostmaster(dataDir: string, timeoutMs = 15_000): Promise<boolean> {
  const found = readPostmaster(dataDir);
  if (!found || !processAlive(found.pid)) return false;
  try {
    process.kill(found.pid, "SIGINT");
  } catch {
    return false;
  }
  const deadline = Date.now() + timeoutMs;
  while (processAlive(found.pid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(found.pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
