import fs from "node:fs";
import { createPrisma } from "@/server/db";
import { seedIfEmpty } from "@/server/ingest/seed";
import { spawnApp, stopApp, waitForApp } from "@/server/runtime/app-server";
import { startEphemeralDatabase } from "@/server/runtime/ephemeral";
import { closeSqlPools } from "@/server/sql-transaction";

// The app under test runs as in production (`next start`) against its own
// fresh database, loaded with the seed readouts; never the user's data.
export default async function globalSetup() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` before the e2e tests.");
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = await startEphemeralDatabase("e2e");
  const db = createPrisma(database.url, 2);
  await seedIfEmpty(db, () => undefined);
  await db.$disconnect();
  await closeSqlPools();
  process.env.DATABASE_URL = database.url;

  // The tests stand in for a reverse proxy on this machine: the X-Forwarded-For they send is believed.
  const app = spawnApp(database.url, port, { host: "127.0.0.1", quiet: true, env: { TRUSTED_PROXIES: "127.0.0.1" } });
  try {
    await waitForApp(app, `http://127.0.0.1:${port}/meetings`);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return async () => {
    await stopApp(app);
    await database.stop();
  };
}
