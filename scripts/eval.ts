import { execFileSync } from "node:child_process";
import path from "node:path";
import { evalJson, evaluateFolder, formatEval, type EvalResult } from "@/server/eval/run-eval";
import { runCli, UserFacingError } from "@/server/runtime/errors";

const USAGE = "usage: npm run eval -- [--misses] [--skip-missing] [--corpus NAME]... <folder>...   (a folder annotated by a gold file in tests/gold, e.g. corpus/real, seeds, tests/fixtures/readouts)";

function commit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

// Ingests each annotated folder into a throwaway database, scores what was stored, and prints one
// table and one JSON line. It writes nothing else.
runCli(async () => {
  const args = process.argv.slice(2);
  const misses = args.includes("--misses");
  // Scores only the readouts whose text is present; the table and JSON line name the ones left out.
  const skipMissing = args.includes("--skip-missing");
  const only: string[] = [];
  const folders: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--corpus") only.push(args[++i] ?? "");
    else if (!args[i].startsWith("--")) folders.push(args[i]);
  }
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (folders.length === 0) throw new UserFacingError(USAGE);
  const root = process.cwd();
  const results: EvalResult[] = [];
  for (const folder of folders) results.push(...(await evaluateFolder(root, path.normalize(folder), { only, skipMissing })));
  console.log(formatEval(results));
  if (misses) {
    for (const r of results) {
      const { dates, missed, spurious, unlinked, wrongLinks, fragmentTitles } = r.overall;
      console.log(`\n${r.corpus}: dates wrong (${dates.wrong.length})\n${dates.wrong.map((x) => `  ${x}`).join("\n")}`);
      console.log(`${r.corpus}: gold mentions not found (${missed.length})\n${missed.map((x) => `  ${x}`).join("\n")}`);
      console.log(`${r.corpus}: gold pairs found but not linked (${unlinked.length})\n${unlinked.map((x) => `  ${x}`).join("\n")}`);
      console.log(`${r.corpus}: pairs linked that the gold keeps apart (${wrongLinks.length})\n${wrongLinks.map((x) => `  ${x}`).join("\n")}`);
      console.log(`${r.corpus}: stored mentions not in the gold (${spurious.length})\n${spurious.map((x) => `  ${x}`).join("\n")}`);
      console.log(`${r.corpus}: titles that are fragments (${fragmentTitles.length})\n${fragmentTitles.map((x) => `  ${x}`).join("\n")}`);
    }
  }
  console.log(evalJson(results, { date: new Date().toISOString().slice(0, 10), commit: commit() }));
});
