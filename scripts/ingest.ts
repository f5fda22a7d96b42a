import fs from "node:fs";
import cliProgress from "cli-progress";
import { sourceUrlSchema } from "@/lib/schemas/readout";
import { createPrisma } from "@/server/db";
import { formatSummary, ingestFiles } from "@/server/ingest/ingest-files";
import { refuseImpossibleDate } from "@/server/ingest/ingest-readout";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";
import { closeSqlPools } from "@/server/sql-transaction";

const USAGE = "usage: npm run ingest -- [--date YYYY-MM-DD] [--source-url URL | --sources FILE.json] [--concurrency N] [--file-timeout SECONDS] <file or folder>...";

runCli(async () => {
  const args = process.argv.slice(2);
  let meetingDate: string | undefined;
  // Two readouts at a time keep both the database and this process busy; readouts of one country
  // pair still queue behind each other.
  let concurrency = 2;
  let fileTimeoutMs: number | undefined;
  let sourceUrl: string | undefined;
  let sourceUrls: Map<string, string> | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--date") {
      meetingDate = args[++i];
      const [y, m, d] = (meetingDate ?? "").split("-").map(Number);
      const day = /^\d{4}-\d{2}-\d{2}$/.test(meetingDate ?? "") ? new Date(Date.UTC(y, m - 1, d)) : null;
      if (!day || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
        throw new UserFacingError(`--date needs a real calendar date as YYYY-MM-DD, not "${meetingDate ?? ""}". ${USAGE}`);
      }
      try {
        refuseImpossibleDate(meetingDate, null);
      } catch (error) {
        throw new UserFacingError(`--date ${(error as Error).message.replace(/; give the right one.*$/, "")}`);
      }
    } else if (args[i] === "--source-url") {
      const parsed = sourceUrlSchema.safeParse(args[++i] ?? "");
      if (!parsed.success) throw new UserFacingError(`--source-url ${parsed.error.issues[0].message}. ${USAGE}`);
      sourceUrl = parsed.data;
    } else if (args[i] === "--sources") {
      sourceUrls = readSources(args[++i] ?? "");
    } else if (args[i] === "--concurrency") {
      concurrency = Number(args[++i]);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
        throw new UserFacingError(`--concurrency needs a whole number from 1 to 16. ${USAGE}`);
      }
    } else if (args[i] === "--file-timeout") {
      const seconds = Number(args[++i]);
      if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
        throw new UserFacingError(`--file-timeout needs a number of seconds from 1 to 3600. ${USAGE}`);
      }
      fileTimeoutMs = seconds * 1000;
    } else if (args[i] === "--help" || args[i] === "-h") {
      console.log(USAGE);
      return 0;
    } else {
      inputs.push(args[i]);
    }
  }
  if (inputs.length === 0) throw new UserFacingError(USAGE);
  if (sourceUrl && (inputs.length > 1 || fs.statSync(inputs[0], { throwIfNoEntry: false })?.isDirectory())) {
    throw new UserFacingError(`--source-url names the article of one readout: give one file with it. ${USAGE}`);
  }

  const database = await startDatabase();
  const db = createPrisma(database.url, concurrency + 2);
  const stop = async () => {
    await db.$disconnect();
    await closeSqlPools();
    await database.stop();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    await applyMigrations(database.url);
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: "Ingesting [{bar}] {value}/{total} {file}", hideCursor: true }, cliProgress.Presets.shades_classic)
      : null;
    let started = false;
    const summary = await ingestFiles(db, inputs, {
      meetingDate,
      sourceUrl,
      sourceUrls,
      concurrency,
      fileTimeoutMs,
      onProgress: (done, total, outcome) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0, { file: "" });
          started = true;
        }
        bar.update(done, { file: outcome.file });
      },
    });
    bar?.stop();
    console.log(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await stop();
  }
});

/**
 * The article address of each readout of a folder, from a JSON file: `{ "file.txt": "https://…" }`,
 * or `{ "readouts": [{ "file": "file.txt", "url": "https://…" }] }`. Files are named without folder.
 */
function readSources(file: string): Map<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserFacingError(`--sources ${file || "(missing)"}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. ${USAGE}`);
  }
  const entries: [string, unknown][] = Array.isArray((data as { readouts?: unknown }).readouts)
    ? ((data as { readouts: { file?: unknown; url?: unknown }[] }).readouts.map((r) => [String(r.file ?? ""), r.url]))
    : Object.entries((data ?? {}) as Record<string, unknown>);
  const out = new Map<string, string>();
  for (const [name, url] of entries) {
    if (url === undefined || url === null) continue;
    const parsed = sourceUrlSchema.safeParse(url);
    if (!parsed.success || !name) throw new UserFacingError(`--sources ${file}: "${name}" ${parsed.success ? "has no file name" : parsed.error.issues[0].message}`);
    out.set(name, parsed.data);
  }
  return out;
}
