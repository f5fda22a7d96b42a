import { parseArgs } from "node:util";
import { runChaos } from "@/server/chaos/run-chaos";
import { runCli, UserFacingError } from "@/server/runtime/errors";

const USAGE = "usage: npm run chaos -- [--faults N (1-1000, default 20)] [--seconds S (10-3600, default 600)] [--meetings M per round (1-200, default 10)] [--seed S]";

// npm run chaos: kills ingestion and the database at random moments on a throwaway database and
// checks after every fault that nothing stored is wrong (see server/chaos/run-chaos.ts).
runCli(async () => {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ options: { faults: { type: "string" }, seconds: { type: "string" }, meetings: { type: "string" }, seed: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  const number = (name: string, fallback: number, lo: number, hi: number) => {
    const value = Number(values[name] ?? fallback);
    if (!Number.isInteger(value) || value < lo || value > hi) throw new UserFacingError(`--${name} must be a whole number from ${lo} to ${hi}. ${USAGE}`);
    return value;
  };
  const options = {
    faults: number("faults", 20, 1, 1000),
    seconds: number("seconds", 600, 10, 3600),
    meetingsPerRound: number("meetings", 10, 1, 200),
    seed: number("seed", Date.now() % 100_000, 0, 2 ** 31),
  };
  console.log(`Chaos: up to ${options.faults} faults in ${options.seconds} s, ${options.meetingsPerRound} new readouts a round, seed ${options.seed}.`);
  const result = await runChaos(options, (line) => console.log(line));
  for (const v of result.violations) console.log(`BROKEN: ${v.rule}: ${v.count} rows (e.g. ${v.examples.join(", ")})`);
  console.log(
    `Survived ${result.survived} faults (${result.ingestionKills} ingestion kills, ${result.databaseKills} database kills, ${result.restarts} database restarts); ` +
      `final ingestion ${result.finalIngestion === 0 ? "completed" : result.finalIngestion === null ? "not run" : `exited ${result.finalIngestion}`}; ` +
      `${result.violations.length === 0 ? "every invariant holds." : `${result.violations.length} invariants broken.`}`,
  );
  return result.violations.length > 0 || result.finalIngestion !== 0 ? 1 : 0;
});
