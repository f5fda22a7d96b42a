import { spawnSync } from "node:child_process";
import fs from "node:fs";

// Runs every level of tests (unit, integration against a real PostgreSQL,
// browser end-to-end against the built app) and prints one summary.
interface Level {
  name: string;
  command: string[];
  report?: string;
  count?: (report: string) => { passed: number; failed: number; skipped: number };
}

const vitestCounts = (file: string) => {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests };
};
const playwrightCounts = (file: string) => {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const s = r.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) + (r.errors?.length ?? 0), skipped: s.skipped ?? 0 };
};

const only = process.argv[2];
const levels: Level[] = [
  { name: "unit", command: ["npx", "vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"], report: "test-results/unit.json", count: vitestCounts },
  { name: "integration", command: ["npx", "vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=test-results/integration.json"], report: "test-results/integration.json", count: vitestCounts },
  { name: "build", command: ["npx", "next", "build"] },
  { name: "e2e", command: ["npx", "playwright", "test"], report: "test-results/e2e-report.json", count: playwrightCounts },
].filter((level) => !only || level.name === only || (only === "e2e" && level.name === "build"));

fs.mkdirSync("test-results", { recursive: true });
const rows: string[] = [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const level of levels) {
  if (level.report) fs.rmSync(level.report, { force: true });
  console.log(`\n=== ${level.name}: ${level.command.join(" ")}`);
  const result = spawnSync(level.command[0], level.command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const ok = result.status === 0;
  if (level.report && level.count && fs.existsSync(level.report)) {
    const c = level.count(level.report);
    const levelFailed = c.failed || (ok ? 0 : 1);
    passed += c.passed;
    failed += levelFailed;
    skipped += c.skipped;
    rows.push(`${level.name.padEnd(12)} ${String(c.passed).padStart(4)} passed ${String(levelFailed).padStart(3)} failed ${ok ? "" : "(exit " + result.status + ")"}`);
  } else {
    if (!ok) failed += 1;
    rows.push(`${level.name.padEnd(12)} ${ok ? "ok" : `FAILED (exit ${result.status})`}`);
  }
  if (!ok && level.name === "build") break;
}
console.log("\nSummary");
for (const row of rows) console.log(`  ${row}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
