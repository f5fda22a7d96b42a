import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db";
import { dateInWorker, prepareInWorker, type Dated, type Prepared } from "./prepare-pool";
import { ensureTopics, storeReadout, type IngestOptions, type IngestOutcome, type LowConfidenceLink } from "./ingest-readout";

export interface IngestSummary {
  read: number;
  created: number;
  /** Readouts that replaced an earlier version of themselves. */
  replaced: { file: string; meetingId: number; previousMeetingId: number; version: number; why: string }[];
  /** Readouts that joined a stored meeting as another outlet's source of it. */
  sources: { file: string; meetingId: number; primaryId: number }[];
  unchanged: number;
  failed: { file: string; reason: string }[];
  mentions: number;
  newPledges: number;
  linked: number;
  lowConfidence: (LowConfidenceLink & { file: string })[];
}

/** Expands files and folders (one level of readouts per folder, sorted by name) into file paths. */
export function collectReadoutPaths(inputs: string[]): { files: string[]; missing: { file: string; reason: string }[] } {
  const files: string[] = [];
  const missing: { file: string; reason: string }[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push({ file: input, reason: "no such file or folder" });
      continue;
    }
    if (stat.isDirectory()) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(input, { withFileTypes: true });
      } catch (error) {
        missing.push({ file: input, reason: `folder cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isFile() && !entry.name.startsWith(".")) files.push(path.join(input, entry.name));
      }
    } else {
      files.push(input);
    }
  }
  return { files, missing };
}

/** Ingests files one by one, each in its own transaction; failures are collected, never thrown. */
export async function ingestFiles(
  db: Db,
  inputs: string[],
  options: IngestOptions & {
    onProgress?: (done: number, total: number, outcome: IngestOutcome) => void;
    /** Readouts ingested at once, each in its own transaction; readouts of one country pair still queue. */
    concurrency?: number;
    /** How long one readout may take to be analysed before it is stopped and reported (default 60 s). */
    fileTimeoutMs?: number;
    /** Each file's article address, by file name (a manifest of a folder): dates a page that prints none. */
    sourceUrls?: ReadonlyMap<string, string>;
    /** New readouts between two vacuums of the rewritten tables (default 1,000). */
    upkeepEvery?: number;
  } = {},
): Promise<IngestSummary> {
  const topicIds = await ensureTopics(db);
  const collected = collectReadoutPaths(inputs);
  const urlOf = (file: string) => options.sourceUrl ?? options.sourceUrls?.get(path.basename(file)) ?? null;
  const sources = collected.files.map((file) => ({ file, sourceUrl: urlOf(file) }));
  const analysis = { meetingDate: options.meetingDate, timeoutMs: options.fileTimeoutMs };
  const files = inMeetingOrder(await dateInWorker(sources, analysis));
  const prepared = preparedInOrder(files, analysis, urlOf);
  const missing = collected.missing;
  const summary: IngestSummary = {
    read: 0,
    created: 0,
    replaced: [],
    sources: [],
    unchanged: 0,
    failed: [...missing],
    mentions: 0,
    newPledges: 0,
    linked: 0,
    lowConfidence: [],
  };
  let done = 0;
  const record = (file: string, outcome: IngestOutcome) => {
    summary.read++;
    if (outcome.status === "new" || outcome.status === "replaced") {
      if (outcome.status === "replaced") {
        const { meetingId, previousMeetingId, version, why } = outcome;
        summary.replaced.push({ file, meetingId, previousMeetingId, version, why });
      } else summary.created++;
      if (outcome.status === "new" && outcome.sourceOf) summary.sources.push({ file, meetingId: outcome.meetingId, primaryId: outcome.sourceOf });
      summary.mentions += outcome.mentions;
      summary.newPledges += outcome.newPledges;
      summary.linked += outcome.linked;
      summary.lowConfidence.push(...outcome.lowConfidence.map((l) => ({ ...l, file })));
    } else if (outcome.status === "unchanged") {
      summary.unchanged++;
    } else {
      summary.failed.push({ file, reason: outcome.reason });
    }
    options.onProgress?.(++done, files.length, outcome);
  };
  let next = 0;
  let sinceUpkeep = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i].file;
      let outcome: IngestOutcome;
      try {
        const readout = await prepared(i);
        outcome = "status" in readout
          ? readout
          : await storeReadout(db, readout, { topicIds, sourcePath: path.resolve(file), sourceUrl: urlOf(file), userId: options.userId });
      } catch (error) {
        outcome = { file, status: "failed", reason: (error as Error).message };
      }
      record(file, outcome);
      if (outcome.status === "new" && ++sinceUpkeep >= (options.upkeepEvery ?? UPKEEP_EVERY)) {
        sinceUpkeep = 0;
        await upkeep(db);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return summary;
}

/** Readouts stored between two clean-ups of the rows that ingestion rewrites. */
const UPKEEP_EVERY = 1000;

/**
 * Every readout rewrites the figures of the pledges it mentions, so a long batch leaves dead row
 * versions behind faster than the server's background vacuum (a minute between rounds) clears
 * them, and lookups slow down as they wade through them. A batch vacuums those tables itself every
 * thousand readouts (the other workers go on meanwhile). Without the right to vacuum, the batch
 * simply goes on.
 */
async function upkeep(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`vacuum (analyze) "Pledge", "PledgeYear", "TopicYear"`).catch(() => undefined);
}

const dateOf = (p: Dated) => ("status" in p ? null : p.meetingDate) ?? "9999-99-99";

/**
 * Orders a batch by meeting date, so each pledge is created by its earliest mention and takes its
 * title from it. Files whose date cannot be read keep their place at the end; they fail with their
 * reason when stored.
 */
function inMeetingOrder(dated: Dated[]): Dated[] {
  return dated
    .map((p, index) => ({ p, index, date: dateOf(p) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.index - b.index)
    .map((k) => k.p);
}

/** Readouts prepared ahead of the ones being stored, in the worker, while they are stored. */
const PREPARE_AHEAD = 64;

/**
 * The batch's readouts, prepared (extracted) in the worker a slice at a time, one slice ahead of
 * the readouts being stored: a batch holds a few dozen prepared readouts at once whatever its size,
 * and the worker extracts while the readouts before are stored. `prepared(i)` is asked for once
 * per position, in increasing order; a file refused when its date was read keeps that failure.
 */
function preparedInOrder(
  dated: Dated[],
  analysis: { meetingDate?: string; timeoutMs?: number },
  urlOf: (file: string) => string | null,
): (i: number) => Promise<Prepared> {
  const slices = new Map<number, Promise<Prepared[]>>();
  const slice = (n: number) => {
    let found = slices.get(n);
    if (!found) {
      const part = dated.slice(n * PREPARE_AHEAD, (n + 1) * PREPARE_AHEAD);
      const wanted = part.filter((d) => !("status" in d)).map((d) => ({ file: d.file, sourceUrl: urlOf(d.file) }));
      found = prepareInWorker(wanted, analysis).then((ready) => part.map((d) => ("status" in d ? d : ready.shift()!)));
      slices.set(n, found);
    }
    return found;
  };
  return async (i) => {
    const n = Math.floor(i / PREPARE_AHEAD);
    if ((n + 1) * PREPARE_AHEAD < dated.length) void slice(n + 1).catch(() => undefined);
    slices.delete(n - 1);
    const readouts = await slice(n);
    const readout = readouts[i % PREPARE_AHEAD];
    // Each readout is held only until it is stored.
    readouts[i % PREPARE_AHEAD] = null!;
    return readout;
  };
}

export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `Readouts read: ${summary.read}  new: ${summary.created}  replaced: ${summary.replaced.length}  unchanged: ${summary.unchanged}  failed: ${summary.failed.length}`,
    `Pledge mentions found: ${summary.mentions}  new pledges: ${summary.newPledges}  linked to existing pledges: ${summary.linked}`,
  ];
  for (const r of summary.replaced) {
    lines.push(`  REPLACED ${r.file}: version ${r.version} of meeting ${r.previousMeetingId} (${r.why}), now meeting ${r.meetingId}`);
  }
  for (const s of summary.sources) lines.push(`  SOURCE ${s.file}: another outlet's readout of meeting ${s.primaryId}, stored as its source ${s.meetingId}`);
  for (const failure of summary.failed) lines.push(`  FAILED ${failure.file}: ${failure.reason}`);
  if (summary.lowConfidence.length > 0) {
    lines.push(`Links with low confidence, worth a look (${summary.lowConfidence.length}):`);
    for (const low of summary.lowConfidence) {
      lines.push(`  ${low.confidence.toFixed(2)} "${low.quote}" → pledge ${low.pledgeId} "${low.pledgeTitle}" (${low.reason}) [${low.file}]`);
    }
  }
  return lines.join("\n");
}
