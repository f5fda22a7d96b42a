import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupLines } from "@/server/backup/backup-files";
import { restoreBackup } from "@/server/backup/restore-backup";
import { authSecretFile } from "@/server/runtime/auth-secret-file";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";

const USAGE = "usage: npm run restore -- FILE [--replace] (into an empty database; --replace replaces the data it holds)";

// npm run restore: puts a backup's rows back in one transaction, then its session secret, so the
// sessions and API tokens of the backup stay valid.
runCli(async () => {
  let parsed: { values: { replace?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { replace: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) throw new UserFacingError(USAGE);
  if (!fs.existsSync(file)) throw new UserFacingError(`no backup file at ${path.resolve(file)}.`);

  const database = await startDatabase();
  try {
    await applyMigrations(database.url);
    const { header, counts } = await restoreBackup(database.url, backupLines(file), { replace: parsed.values.replace });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Restored ${total} rows of the backup made ${header.createdAt}.`);
    if (!header.authSecret) return;
    if (process.env.BETTER_AUTH_SECRET?.trim()) {
      if (process.env.BETTER_AUTH_SECRET.trim() !== header.authSecret) console.log("The backup's session secret differs from BETTER_AUTH_SECRET: sessions of the backup must sign in again.");
      return;
    }
    const secretFile = authSecretFile();
    const current = fs.existsSync(secretFile) ? fs.readFileSync(secretFile, "utf8").trim() : "";
    if (current === header.authSecret) return;
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, `${header.authSecret}\n`, { mode: 0o600 });
    console.log(`Restored the session secret to ${secretFile}${current ? " (restart the app to use it)" : ""}.`);
  } finally {
    await database.stop();
  }
});
