import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { UserFacingError } from "./errors";

const SOURCES = ["app", "components", "lib", "server", "next.config.js", "package.json"];
const NEXT_BIN = "node_modules/next/dist/bin/next";

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

/** Builds the dashboard when there is no production build, or the sources changed since the last one. */
export function ensureBuild(): void {
  const buildId = path.join(".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestSourceTime))) return;
  console.log("Building the dashboard (first start or changed sources) …");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new UserFacingError("the dashboard build failed; see the messages above.");
}

const HTTP_SERVER = "server/runtime/http-server.mjs";

/** Starts the dashboard's server (Next.js behind the client-address, health and outage handling) on `port`. */
export function spawnApp(databaseUrl: string, port: number, options: { host?: string; quiet?: boolean; env?: Partial<NodeJS.ProcessEnv> } = {}): ChildProcess {
  return spawn(process.execPath, [HTTP_SERVER], {
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: options.host ?? "",
    },
  });
}

/** Waits until the app answers on `url`, or fails with what it printed. */
export async function waitForApp(app: ChildProcess, url: string, timeoutMs = 60_000): Promise<void> {
  let output = "";
  app.stdout?.on("data", (d) => (output += d));
  app.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (app.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the app did not start at ${url}:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise((resolve) => app.once("exit", resolve));
  app.kill("SIGTERM");
  await exited;
}
