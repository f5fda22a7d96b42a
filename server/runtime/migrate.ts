import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { UserFacingError } from "./errors";

const PLACEHOLDER_DIR = path.resolve(".prisma-engines");

/**
 * Environment for the Prisma CLI. Some commands look for native engine files
 * they never use on the WebAssembly path; pointing them at empty placeholders
 * stops any attempt to download them.
 */
export function prismaCliEnv(url: string): NodeJS.ProcessEnv {
  fs.mkdirSync(PLACEHOLDER_DIR, { recursive: true });
  const schemaEngine = path.join(PLACEHOLDER_DIR, "schema-engine");
  const queryEngine = path.join(PLACEHOLDER_DIR, "libquery_engine.so.node");
  for (const file of [schemaEngine, queryEngine]) if (!fs.existsSync(file)) fs.writeFileSync(file, "");
  return {
    ...process.env,
    DATABASE_URL: url,
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEngine,
    PRISMA_QUERY_ENGINE_LIBRARY: queryEngine,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

/** The CLI's error without its stack frames: the database's own message is what the user needs. */
function conciseFailure(output: string): string {
  const lines = output.split("\n").map((l) => l.trim()).filter((l) => l && !/^at\s|^\d+:\s/.test(l));
  const errors = lines.filter((l) => /error|P\d{4}|failed/i.test(l));
  return (errors.length ? errors : lines).slice(-4).join(" ");
}

/** Runs the Prisma CLI and returns its standard output; throws with its output on failure. */
export function runPrisma(args: string[], url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const bin = path.resolve("node_modules/prisma/build/index.js");
    const child = spawn(process.execPath, [bin, ...args], { env: prismaCliEnv(url), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new UserFacingError(`prisma ${args[0]} ${args[1] ?? ""} failed: ${conciseFailure(err || out)}`));
    });
  });
}

/** The committed migrations that the database has not recorded as finished. */
export async function pendingMigrations(url: string): Promise<string[]> {
  const dir = path.resolve("prisma", "migrations");
  const committed = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("select to_regclass('public._prisma_migrations') as t");
    if (!table.rows[0].t) return committed;
    const done = await client.query<{ migration_name: string }>(
      "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
    );
    const applied = new Set(done.rows.map((r) => r.migration_name));
    return committed.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/** Applies every committed migration that the database does not have yet (a quick check first: the CLI is slow to start). */
export async function applyMigrations(url: string): Promise<void> {
  if ((await pendingMigrations(url)).length === 0) return;
  await runPrisma(["migrate", "deploy"], url);
}
