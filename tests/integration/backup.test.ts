import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/server/ingest/ingest-files";
import type { Actor } from "@/server/services/actor";
import { createApiToken } from "@/server/services/create-api-token";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";
import { mergePledges } from "@/server/services/merge-pledges";
import { freshDatabase, type FreshDatabase } from "./support";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "pledge-backup-"));

function run(script: string, args: string[], url: string, dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PLEDGE_DATA_DIR: path.join(dataDir, "postgres") };
  delete env.BETTER_AUTH_SECRET;
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", `scripts/${script}.ts`, ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every row of every application table, as PostgreSQL writes it, in key order. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1`,
    );
    const all: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ j: string }>(`select row_to_json(t)::text as j from "${name}" t`);
      all[name] = rows.map((r) => r.j).sort();
    }
    return all;
  } finally {
    await client.end();
  }
}

describe("backup and restore", () => {
  let source: FreshDatabase;
  let target: FreshDatabase;
  const sourceData = path.join(work, "source");
  const targetData = path.join(work, "target");
  const secret = "s".repeat(20) + randomUUID();

  beforeAll(async () => {
    source = await freshDatabase("backup_source");
    target = await freshDatabase("backup_target");
    expect((await ingestFiles(source.db, [path.resolve("seeds")])).failed).toEqual([]);
    const user = await createUser(COMMAND_LINE, { email: "kept@example.org", role: "analyst", password: "a long enough passphrase 42" }, source.db);
    await createApiToken(COMMAND_LINE, { email: user.email, name: "scripts" }, source.db);
    const analyst: Actor = { id: user.id, email: user.email, name: user.name ?? "", role: "ANALYST" };
    const [a, b] = await source.db.pledge.findMany({ where: { mergedIntoId: null }, orderBy: { id: "asc" }, take: 2 });
    await mergePledges(analyst, { survivorId: a.id, survivorVersion: a.version, otherId: b.id, otherVersion: b.version, note: "one pledge" }, source.db);
    fs.mkdirSync(sourceData, { mode: 0o755 });
    fs.writeFileSync(path.join(sourceData, "auth-secret"), `${secret}\n`);
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("restores every table row for row, with the session secret, into a fresh database", async () => {
    const file = path.join(work, "snapshot.jsonl.gz");
    const backup = run("backup", ["--out", file], source.url, sourceData);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up \d+ rows of \d+ tables and the session secret/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const restore = run("restore", [file], target.url, targetData);
    expect(restore.code, restore.stderr).toBe(0);
    const before = await everyRow(source.url);
    const after = await everyRow(target.url);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(before.Meeting.length).toBe(5);
    expect(before.Pledge.some((row) => JSON.parse(row).mergedIntoId !== null)).toBe(true);
    expect(before.ApiToken.length).toBe(1);
    expect(fs.readFileSync(path.join(targetData, "auth-secret"), "utf8").trim()).toBe(secret);

    // New rows get new ids after a restore: every sequence is past its table's largest id.
    for (const table of ["Meeting", "Pledge", "Mention", "PledgeEvent"]) {
      const [row] = await target.db.$queryRawUnsafe<{ ok: boolean }[]>(
        `select coalesce((select max(id) from "${table}"), 0) < nextval(pg_get_serial_sequence('"${table}"', 'id')) as ok`,
      );
      expect(row.ok, table).toBe(true);
    }
  });

  it("refuses a database that holds data, and a cut-short file, changing nothing", async () => {
    const file = path.join(work, "snapshot.jsonl.gz");
    const again = run("restore", [file], target.url, targetData);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(/^error: the database already holds data .* add --replace/);

    const cut = path.join(work, "cut.jsonl");
    const whole = spawnSync("gunzip", ["-c", file], { encoding: "utf8", maxBuffer: 1 << 30 }).stdout.split("\n");
    fs.writeFileSync(cut, whole.slice(0, whole.length - 2).join("\n"));
    const before = await everyRow(target.url);
    const partial = run("restore", [cut, "--replace"], target.url, targetData);
    expect(partial.code).toBe(1);
    expect(partial.stderr.trim()).toMatch(/^error: the backup is incomplete/);
    expect(await everyRow(target.url)).toEqual(before);

    const replaced = run("restore", [file, "--replace"], target.url, targetData);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(await everyRow(target.url)).toEqual(await everyRow(source.url));
  });
});
