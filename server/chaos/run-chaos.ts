import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SEEDS_DIR } from "@/server/ingest/seed";
import { startDatabase } from "@/server/runtime/database";
import { freePort } from "@/server/runtime/ephemeral";
import { applyMigrations } from "@/server/runtime/migrate";
import { readPostmaster } from "@/server/runtime/postmaster";
import type { Violation } from "@/server/stats/invariants";
import { rng } from "@/server/synth/generate";
import { checkAfterFault } from "./check-after-fault";
import { writeRoundCorpus } from "./chaos-corpus";

export interface ChaosOptions {
  faults: number;
  seconds: number;
  meetingsPerRound: number;
  seed: number;
}

export interface ChaosResult {
  survived: number;
  ingestionKills: number;
  databaseKills: number;
  restarts: number;
  violations: Violation[];
  /** The exit code of the last, undisturbed ingestion of everything. */
  finalIngestion: number | null;
}

type Fault = "ingestion" | "database" | "both";

function startIngestion(url: string, inputs: string[]): ChildProcess {
  // Through tsx's loader in this one process, so the kill hits ingestion itself, not a launcher.
  return spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--concurrency", "2", ...inputs], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "ignore"],
  });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitExit(child: ChildProcess, ms: number): Promise<number | null> {
  if (!exited(child)) {
    const done = new Promise((r) => child.once("exit", r));
    const late = setTimeout(() => child.kill("SIGKILL"), ms);
    await done;
    clearTimeout(late);
  }
  return child.exitCode;
}

/**
 * Fault injection: a throwaway embedded PostgreSQL (its own data folder under the system temp
 * folder, a free loopback port, supervised as `npm start` supervises its own) takes round after
 * round of ingestion of the seeds plus new synthetic readouts; at a random moment of each round
 * the ingestion process, the database server, or both are killed with SIGKILL. After every fault,
 * once the database answers again, the stored data's rules are checked (server/stats/invariants.ts).
 * Stops at the first broken rule, after `faults` faults, or after `seconds`.
 */
export async function runChaos(options: ChaosOptions, log: (line: string) => void): Promise<ChaosResult> {
  const random = rng(options.seed);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-chaos-"));
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, "postgres");
  const result: ChaosResult = { survived: 0, ingestionKills: 0, databaseKills: 0, restarts: 0, violations: [], finalIngestion: null };
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const database = await startDatabase({
    dataDir,
    port: await freePort(),
    own: true,
    log: (line) => {
      if (/running again/.test(line)) result.restarts++;
    },
  }).finally(() => saved !== undefined && (process.env.DATABASE_URL = saved));
  try {
    await applyMigrations(database.url);
    const inputs = [SEEDS_DIR];
    const deadline = Date.now() + options.seconds * 1000;
    for (let round = 1; round <= options.faults && Date.now() < deadline; round++) {
      inputs.push(writeRoundCorpus(path.join(root, "corpus"), round, options.meetingsPerRound));
      const ingestion = startIngestion(database.url, inputs);
      await new Promise((r) => setTimeout(r, random.int(300, 4_000)));
      let fault: Fault = random.pick(["ingestion", "database", "both"] as const);
      if (exited(ingestion) && fault !== "database") fault = "database"; // finished before its fault: kill the server at rest
      if (fault !== "database") {
        ingestion.kill("SIGKILL");
        result.ingestionKills++;
      }
      if (fault !== "ingestion") {
        const server = readPostmaster(dataDir);
        if (server) process.kill(server.pid, "SIGKILL");
        result.databaseKills++;
      }
      await waitExit(ingestion, 60_000);
      const violations = await checkAfterFault(database.url);
      log(`fault ${round}: killed ${fault === "both" ? "ingestion and the database" : fault === "database" ? "the database" : "ingestion"}; ${violations.length === 0 ? "invariants hold" : `${violations.length} broken`}`);
      if (violations.length > 0) {
        result.violations = violations;
        return result;
      }
      result.survived++;
    }
    result.finalIngestion = await waitExit(startIngestion(database.url, inputs), 300_000);
    result.violations = await checkAfterFault(database.url);
    return result;
  } finally {
    await database.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
