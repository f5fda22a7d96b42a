import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support";
import { freePort } from "@/server/runtime/ephemeral";

function run(script: string, args: string[], env: Record<string, string | undefined>) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", `scripts/${script}.ts`, ...args], {
    env: merged,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const expectOneLineError = (stderr: string, pattern: RegExp) => {
  const lines = stderr.split("\n").filter((l) => l.trim() && !l.startsWith("npm warn"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe("command line on another PostgreSQL server (DATABASE_URL)", () => {
  const ctx = useFreshDatabase("cli_external");

  it("loads the seeds into the server named by DATABASE_URL", async () => {
    const result = run("seed", [], { DATABASE_URL: ctx.url });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/new: 5/);
    expect(await ctx.db.meeting.count()).toBe(5);
  });

  it("ingests a folder with bad files: names each failure, keeps the good ones, exits 1", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-readouts-"));
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    fs.copyFileSync(path.join("seeds", fs.readdirSync("seeds").sort()[0]), path.join(dir, "again.txt"));
    const result = run("ingest", [dir], { DATABASE_URL: ctx.url });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAILED .*empty\.txt: file is empty/);
    expect(result.stdout).toMatch(/unchanged: 1/);
  });

  it("exports JSON whose quotes are exactly the stored text between their offsets", async () => {
    const result = run("export", ["--format", "json"], { DATABASE_URL: ctx.url });
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.meetings).toHaveLength(5);
    const texts = new Map((await ctx.db.meeting.findMany()).map((m) => [m.id, m.text]));
    expect(doc.pledges.length).toBeGreaterThan(5);
    for (const pledge of doc.pledges) {
      expect(pledge.firstMention.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(pledge.mentionCount).toBe(pledge.mentions.length);
      for (const m of pledge.mentions) expect(texts.get(m.meetingId)!.slice(m.start, m.end)).toBe(m.quote);
    }
  });
});

describe("start-up faults give one line and a non-zero exit", () => {
  it("an unreachable DATABASE_URL", () => {
    const result = run("migrate", [], { DATABASE_URL: "postgresql://someone:secret@127.0.0.1:1/nothing" });
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /cannot reach the PostgreSQL server in DATABASE_URL \(postgresql:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing\)/);
  });

  it("an embedded database port already in use", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as net.AddressInfo).port;
    const result = run("migrate", [], { DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(port), PLEDGE_DATA_DIR: path.join(os.tmpdir(), "unused-pg") });
    blocker.close();
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, new RegExp(`port ${port} .* already in use.*EMBEDDED_PG_PORT`));
  });

  it("a COMPRESSION setting that is neither on nor off, before any database is started", async () => {
    const data = path.join(os.tmpdir(), `pledge-compression-${process.pid}`);
    const result = run("start", [], { COMPRESSION: "gzip", PORT: String(await freePort()), DATABASE_URL: undefined, PLEDGE_DATA_DIR: data });
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /COMPRESSION must be "on" or "off", not "gzip"/);
    expect(fs.existsSync(data)).toBe(false);
  });

  it("a data folder that cannot be written", () => {
    const result = run("migrate", [], { DATABASE_URL: undefined, PLEDGE_DATA_DIR: "/dev/null/pg" });
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /data folder .* is not writable/);
  });
});

describe("the embedded database", () => {
  const asRoot = process.getuid?.() === 0;
  const serverUser = () => {
    const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
    return { uid: id("-u"), gid: id("-g") };
  };

  it.skipIf(!asRoot)("as root, under a folder its server's user cannot enter (a mktemp -d, root's home): one line naming the folder and what to do", async () => {
    const outer = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-closed-"));
    fs.chmodSync(outer, 0o700);
    try {
      const result = run("migrate", [], { DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(await freePort()), PLEDGE_DATA_DIR: path.join(outer, "project", ".data", "postgres") });
      expect(result.code).toBe(1);
      expectOneLineError(result.stderr, new RegExp(`user "postgres" .* cannot enter ${outer} \\(mode 700\\).*chmod o\\+x ${outer}.*DATABASE_URL`));
      expect(fs.statSync(outer).mode & 0o777).toBe(0o700);
    } finally {
      fs.rmSync(outer, { recursive: true, force: true });
    }
  });

  it.skipIf(!asRoot)("as a user other than root, in a folder private to that user (mode 700), it starts", async () => {
    const { uid, gid } = serverUser();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-user-"));
    fs.chownSync(home, uid, gid);
    fs.chmodSync(home, 0o700);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, EMBEDDED_PG_PORT: String(await freePort()), PLEDGE_DATA_DIR: path.join(home, ".data", "postgres") };
      delete env.DATABASE_URL;
      const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/migrate.ts"], { env, uid, gid, encoding: "utf8", timeout: 120_000 });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Migrations applied/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it("starts when the folder around its data is private to its owner (as root, its server runs as another user)", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-private-"));
    fs.chmodSync(root, 0o755);
    const data = path.join(root, ".data");
    fs.mkdirSync(data, { mode: 0o700 });
    fs.chmodSync(data, 0o700);
    try {
      const result = run("migrate", [], { DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(await freePort()), PLEDGE_DATA_DIR: path.join(data, "postgres") });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Migrations applied/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

