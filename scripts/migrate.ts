import { startDatabase } from "@/server/runtime/database";
import { runCli } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";

// Applies the committed migrations to DATABASE_URL, or to the embedded database.
runCli(async () => {
  const database = await startDatabase();
  try {
    await applyMigrations(database.url);
    console.log(`Migrations applied (${database.location}).`);
  } finally {
    await database.stop();
  }
});
