import { createPrisma } from "@/server/db";
import { exportPledges, EXPORT_FORMATS, type ExportFormat } from "@/server/export/export-pledges";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";

// Writes every meeting and pledge with its mentions to standard output, the
// same document GET /api/export returns.
runCli(async () => {
  const args = process.argv.slice(2);
  const index = args.indexOf("--format");
  const format = (index >= 0 ? args[index + 1] : "json") as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UserFacingError(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
  const database = await startDatabase();
  const db = createPrisma(database.url, 2);
  try {
    await applyMigrations(database.url);
    process.stdout.write(await exportPledges(db, format));
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
