import { createPrisma } from "@/server/db";
import { formatSummary, ingestFiles } from "@/server/ingest/ingest-files";
import { SEEDS_DIR } from "@/server/ingest/seed";
import { startDatabase } from "@/server/runtime/database";
import { runCli } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";
import { closeSqlPools } from "@/server/sql-transaction";

// Loads seeds/ on demand; readouts already in the database are left unchanged.
runCli(async () => {
  const database = await startDatabase();
  const db = createPrisma(database.url, 2);
  try {
    await applyMigrations(database.url);
    const summary = await ingestFiles(db, [SEEDS_DIR]);
    console.log(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
    await closeSqlPools();
    await database.stop();
  }
});
