import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run chaos", () => {
  it("survives three faults (ingestion and the database killed at random moments) with every invariant holding", () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/chaos.ts", "--faults", "3", "--meetings", "3", "--seed", "7", "--seconds", "45"], {
      env,
      encoding: "utf8",
      timeout: 110_000,
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/fault 1: killed .*; invariants hold/);
    expect(result.stdout).toMatch(/Survived 3 faults \(\d+ ingestion kills, \d+ database kills, \d+ database restarts\); final ingestion completed; every invariant holds\./);
    // Every database kill was followed by the supervisor's restart.
    const [databaseKills, restarts] = /(\d+) database kills, (\d+) database restarts/.exec(result.stdout)!.slice(1).map(Number);
    expect(restarts).toBe(databaseKills);
  }, 120_000);
});
