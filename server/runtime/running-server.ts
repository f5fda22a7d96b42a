import fs from "node:fs";
import { answers, processAlive, readPostmaster, type Postmaster } from "./postmaster";

export type FoundServer = (Postmaster & { answering: boolean }) | null;

/** Whether `pid` is a PostgreSQL server, not another program that got the number after a reboot. */
function isPostgres(pid: number): boolean {
  try {
    return /postgres/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return processAlive(pid); // no /proc: trust the process table
  }
}

/**
 * The PostgreSQL server already running on `dataDir`, if any: its lock file names a live server
 * process, and `urlFor(port)` is asked whether it answers (for up to `waitMs` while it starts up or
 * recovers). A lock file whose process is gone is PostgreSQL's own leftover and ignored: the
 * server removes it on its next start.
 */
export async function findRunningServer(dataDir: string, urlFor: (port: number) => string, waitMs = 10_000): Promise<FoundServer> {
  const found = readPostmaster(dataDir);
  if (!found || !isPostgres(found.pid)) return null;
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await answers(urlFor(found.port))) return { ...found, answering: true };
    if (!processAlive(found.pid)) return null;
    if (Date.now() > deadline) return { ...found, answering: false };
    await new Promise((r) => setTimeout(r, 500));
  }
}
