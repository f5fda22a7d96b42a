import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/server/runtime/ephemeral";
import { answers, processAlive, readPostmaster, stopPostmaster } from "@/server/runtime/postmaster";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-supervision-"));
fs.chmodSync(root, 0o755);
const dataDir = path.join(root, "postgres");
let port = 0;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, PLEDGE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), ...extra };
  delete merged.DATABASE_URL;
  return merged;
}

/** Starts the holder and resolves with it and its database URL once it printed "ready". */
function hold(args: string[] = []): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-database.ts", ...args], { env: env(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr!.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      output += d;
      const ready = /ready (\S+)/.exec(output);
      if (ready) resolve({ child, url: ready[1], output: () => output });
    });
    child.once("exit", (code) => reject(new Error(`holder exited ${code}: ${output}`)));
  });
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function cli(script: string, args: string[], extra: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", `scripts/${script}.ts`, ...args], {
    env: env(extra),
    encoding: "utf8",
    input,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  port = await freePort();
});

afterAll(async () => {
  await stopPostmaster(dataDir);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("the embedded database under supervision", () => {
  it("is restarted with a message when its server is killed", async () => {
    const holder = await hold();
    try {
      const first = readPostmaster(dataDir)!;
      process.kill(first.pid, "SIGKILL");
      await until("the restart", () => /running again/.test(holder.output()));
      expect(holder.output()).toMatch(/stopped unexpectedly \(SIGKILL\); restarting it/);
      expect(readPostmaster(dataDir)!.pid).not.toBe(first.pid);
      expect(await answers(holder.url)).toBe(true);
    } finally {
      holder.child.kill("SIGTERM");
      await until("the holder to stop", () => holder.child.exitCode !== null);
    }
    expect(readPostmaster(dataDir)).toBeNull();
  });

  it("commands use the running server of the data folder, whatever port they were told", async () => {
    const holder = await hold();
    try {
      const other = String(await freePort());
      const exported = cli("export", ["--format", "json"], { EMBEDDED_PG_PORT: other });
      expect(exported.code, exported.stderr).toBe(0);
      expect(JSON.parse(exported.stdout).meetings).toEqual([]);
      const created = cli("user-create", ["--email", "beside@example.org", "--role", "viewer"], { EMBEDDED_PG_PORT: other }, "a long enough passphrase 42\n");
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/Created viewer beside@example.org/);
      // The commands left the app's server running.
      expect(await answers(holder.url)).toBe(true);
    } finally {
      holder.child.kill("SIGTERM");
      await until("the holder to stop", () => holder.child.exitCode !== null);
    }
  });

  it("is stopped by the watchdog when its owner is killed with SIGKILL", async () => {
    const holder = await hold();
    const server = readPostmaster(dataDir)!;
    holder.child.kill("SIGKILL");
    await until("the server to stop", () => !processAlive(server.pid), 30_000);
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });

  it("a server left running by a killed command is stopped by the next owner, not left to block the port", async () => {
    const orphaned = await hold(["--shared"]);
    const stale = readPostmaster(dataDir)!;
    orphaned.child.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    expect(processAlive(stale.pid)).toBe(true);
    const holder = await hold();
    try {
      expect(holder.output()).toMatch(new RegExp(`Stopping the PostgreSQL server left running .*process ${stale.pid}`));
      expect(processAlive(stale.pid)).toBe(false);
      expect(await answers(holder.url)).toBe(true);
    } finally {
      holder.child.kill("SIGTERM");
      await until("the holder to stop", () => holder.child.exitCode !== null);
    }
  });

  it("a command facing a server that holds the data folder but does not answer says so in one line and exits 1", async () => {
    const holder = await hold();
    const server = readPostmaster(dataDir)!;
    process.kill(server.pid, "SIGSTOP");
    try {
      const result = cli("export", ["--format", "json"]);
      expect(result.code).toBe(1);
      const lines = result.stderr.split("\n").filter((l) => l.trim());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`PostgreSQL server of .* \\(process ${server.pid}, port ${port}\\) does not answer`));
    } finally {
      process.kill(server.pid, "SIGCONT");
      holder.child.kill("SIGTERM");
      await until("the holder to stop", () => holder.child.exitCode !== null);
    }
  });
});
