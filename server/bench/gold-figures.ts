import { missingTexts, goldFilesFor } from "@/server/eval/gold";
import { evaluateFolder, formatEval, type EvalResult } from "@/server/eval/run-eval";

/**
 * The gold sets as `npm run eval` scores them: the real readouts when their texts are in place
 * (they are not distributed with the project), then the seeds and the fixtures.
 */
export async function goldFigures(root = process.cwd()): Promise<string> {
  const results: EvalResult[] = [];
  const real = goldFilesFor(root, "corpus/real");
  if (real.length && missingTexts(root, real).length === 0) results.push(...(await evaluateFolder(root, "corpus/real")));
  for (const folder of ["seeds", "tests/fixtures/readouts"]) results.push(...(await evaluateFolder(root, folder)));
  return formatEval(results.map((r) => ({ ...r, byOutlet: [] })));
}
