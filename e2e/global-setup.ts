import { spawn } from "node:child_process";
import fs from "node:fs";
import { createPrisma } from "@/server/db";
import { seedIfEmpty } from "@/server/ingest/seed";
import { startEphemeralDatabase } from "@/server/runtime/ephemeral";

// The app under test runs as in production (`next start`) against its own
// fresh database, loaded with the seed readouts; never the user's data.
export default async function globalSetup() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` before the e2e tests.");
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = await startEphemeralDatabase("e2e");
  const db = createPrisma(database.url, 2);
  await seedIfEmpty(db, () => undefined);
  await db.$disconnect();
  process.env.DATABASE_URL = database.url;

  const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  app.stdout.on("data", (d) => (output += d));
  app.stderr.on("data", (d) => (output += d));

  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/meetings`);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (app.exitCode !== null || Date.now() > deadline) {
      await database.stop();
      throw new Error(`the app did not start for the e2e tests:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }

  return async () => {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode !== null ? r(null) : app.once("exit", r)));
    await database.stop();
  };
}
