import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { createPrisma } from "@/server/db";
import { seedIfEmpty } from "@/server/ingest/seed";
import { ensureBuild, spawnApp, stopApp } from "@/server/runtime/app-server";
import { defaultDataDir, startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";
import { clearRunState, writeRunState } from "@/server/runtime/run-state";
import { startWatchdog } from "@/server/runtime/start-watchdog";
import { onLauncherExit } from "@/server/runtime/watch-launcher";
import { describeFirstUser } from "@/server/services/first-user-hint";
import { closeSqlPools } from "@/server/sql-transaction";

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

  // The app's settings (COMPRESSION, …) are checked when its config loads: load it now, so a
  // wrong value stops here rather than after the database and the build.
  await import(new URL("../next.config.js", import.meta.url).href).catch((error: Error) => {
    throw new UserFacingError(error.message);
  });

  // Supervision, in three layers: this process restarts the embedded PostgreSQL when it dies
  // (restart-on-exit.ts) and stops everything on Ctrl-C or SIGTERM; it also stops everything when
  // npm or tsx above it ends (watch-launcher.ts); and a watchdog process stops the dashboard and
  // the database if this process itself is killed with SIGKILL (watchdog.ts).
  let shutdown: (code: number) => Promise<void> = async (code) => process.exit(code);
  const dataDir = process.env.DATABASE_URL ? "" : defaultDataDir();
  const database = await startDatabase({
    own: true,
    onGiveUp: (reason) => {
      console.error(`error: ${reason}; stopping.`);
      void shutdown(1);
    },
  });
  const watchdog = startWatchdog(database.embedded ? dataDir : "");
  if (database.embedded) writeRunState(dataDir, { pid: process.pid, appPort: port, databasePort: Number(new URL(database.url).port) });
  let app: ChildProcess | undefined;
  let stopping = false;
  shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app) await stopApp(app);
    await database.stop();
    if (database.embedded) clearRunState(dataDir);
    watchdog.release();
    console.log("Stopped the dashboard and the database.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));
  onLauncherExit(() => void shutdown(1));

  try {
    await applyMigrations(database.url);
    const db = createPrisma(database.url, 2);
    await seedIfEmpty(db);
    const hint = await describeFirstUser(db);
    await db.$disconnect();
    await closeSqlPools();
    ensureBuild();

    console.log(`Database: ${database.embedded ? `embedded PostgreSQL, data in ${database.location}` : database.location}`);
    app = spawnApp(database.url, port);
    if (app.pid) watchdog.watchApp(app.pid);
    console.log(`Pledge Tracker is served at http://localhost:${port} (Ctrl-C stops it).`);
    if (hint) console.log(hint);
    const code: number = await new Promise((resolve) => app!.once("exit", (c) => resolve(c ?? 0)));
    // A stop already under way (a signal, the launcher gone) ends the process itself once the
    // database is down: returning now would end it half-way, through runCli's exit.
    await shutdown(code);
    if (stopping) await new Promise(() => setInterval(() => undefined, 60_000));
  } catch (error) {
    await database.stop().catch(() => undefined);
    if (database.embedded) clearRunState(dataDir);
    watchdog.release();
    throw error;
  }
});
