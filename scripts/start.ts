import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createPrisma } from "@/server/db";
import { seedIfEmpty } from "@/server/ingest/seed";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";
import { describeFirstUser } from "@/server/services/first-user-hint";

const SOURCE_DIRS = ["app", "components", "lib", "server", "next.config.js", "package.json"];

function newestSourceTime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestSourceTime(path.join(entry, child)));
  }
  return newest;
}

/** Builds the app when there is no production build, or the sources changed since the last one. */
function ensureBuild(): void {
  const buildId = path.join(".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...SOURCE_DIRS.map(newestSourceTime))) return;
  console.log("Building the dashboard (first start or changed sources) …");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new UserFacingError("the dashboard build failed; see the messages above.");
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port);
  });
}

runCli(async () => {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserFacingError(`PORT=${process.env.PORT} is not a port number.`);
  if (!(await portIsFree(port))) {
    throw new UserFacingError(`port ${port} is already in use. Stop the program using it, or start on another port: PORT=3001 npm start`);
  }

  const database = await startDatabase();
  let app: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app!.once("exit", resolve));
    }
    await database.stop();
    console.log("Stopped the dashboard and the database.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await applyMigrations(database.url);
    const db = createPrisma(database.url, 2);
    await seedIfEmpty(db);
    const hint = await describeFirstUser(db);
    await db.$disconnect();
    ensureBuild();

    console.log(`Database: ${database.embedded ? `embedded PostgreSQL, data in ${database.location}` : database.location}`);
    app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
    });
    console.log(`Pledge Tracker is served at http://localhost:${port} (Ctrl-C stops it).`);
    if (hint) console.log(hint);
    const code: number = await new Promise((resolve) => app!.once("exit", (c) => resolve(c ?? 0)));
    if (!stopping) await shutdown(code);
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
});
