import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { parseArgs } from "node:util";
import { createGzip } from "node:zlib";
import { secretToBackUp } from "@/server/backup/backup-files";
import { writeBackup } from "@/server/backup/write-backup";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";

const USAGE = "usage: npm run backup -- [--out FILE] (default backups/pledge-tracker-<date and time>.jsonl.gz)";

// npm run backup: one consistent snapshot of the database and the session secret, gzip-compressed.
// The file is written under a temporary name and renamed when complete, so a backup cut short
// never looks like a good one; it is readable by its owner alone (it holds password hashes).
runCli(async () => {
  let values: { out?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const out = path.resolve(values.out ?? path.join("backups", `pledge-tracker-${stamp}.jsonl.gz`));
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
  } catch {
    throw new UserFacingError(`cannot create the folder ${path.dirname(out)} for the backup.`);
  }
  const partial = `${out}.partial`;

  const database = await startDatabase();
  try {
    await applyMigrations(database.url);
    const secret = secretToBackUp();
    const rows = new PassThrough();
    const written = pipeline(rows, createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
    const counts = await writeBackup(database.url, rows, secret).finally(() => rows.end());
    await written;
    fs.renameSync(partial, out);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Backed up ${total} rows of ${Object.keys(counts).length} tables${secret ? " and the session secret" : " (BETTER_AUTH_SECRET is set: keep it yourself)"} to ${out}`);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await database.stop();
  }
});
