import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startDatabase, type RunningDatabase } from "./database";
import { applyMigrations } from "./migrate";

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway, migrated PostgreSQL for one test run (a fresh data folder under
 * the system temp folder, a free port): never the user's data, whatever
 * DATABASE_URL says.
 */
export async function startEphemeralDatabase(label: string): Promise<RunningDatabase> {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `pledge-${label}-`));
    // The server may run as an unprivileged user: it must be able to enter the folder.
    fs.chmodSync(root, 0o755);
    const db = await startDatabase({ dataDir: path.join(root, "pg"), port: await freePort() });
    await applyMigrations(db.url);
    return {
      ...db,
      async stop() {
        await db.stop();
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}
