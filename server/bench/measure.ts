import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db";
import { ingestFiles } from "@/server/ingest/ingest-files";
import type { SynthTruth } from "@/server/synth/generate";

export const median = (xs: number[]) => quantile(xs, 0.5);
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export interface IngestRun {
  readouts: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  failed: number;
  /** Milliseconds of wall time per readout in consecutive tenths of the run: the cost curve. */
  curve: { upTo: number; msPerReadout: number }[];
  /** Wall milliseconds per readout over the first and the last 1,000 readouts (or tenth, if smaller). */
  firstMs: number;
  lastMs: number;
  concurrency: number;
}

/**
 * Ingests every readout of a synthetic corpus the way `npm run ingest` does (meeting-date order,
 * one transaction each, `concurrency` at a time), noting when each one finishes.
 */
export async function measureIngest(
  db: Db,
  dir: string,
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<IngestRun> {
  const files = fs.readdirSync(dir).sort();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const finished: number[] = [];
  const started = performance.now();
  const summary = await ingestFiles(db, [dir], {
    concurrency: options.concurrency ?? 2,
    onProgress: (done, total) => {
      finished.push(performance.now());
      if (options.onProgress && done % 100 === 0) options.onProgress(done, total);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  // Cost per readout in each tenth of the run: wall time of the tenth over the readouts it holds.
  const windows = Math.min(10, finished.length);
  const curve: IngestRun["curve"] = [];
  for (let w = 0; w < windows; w++) {
    const from = Math.floor((w * finished.length) / windows);
    const to = Math.floor(((w + 1) * finished.length) / windows);
    const begin = from === 0 ? started : finished[from - 1];
    curve.push({ upTo: to, msPerReadout: (finished[to - 1] - begin) / (to - from) });
  }
  const span = Math.max(1, Math.min(1000, Math.floor(finished.length / 10)));
  const firstMs = (finished[span - 1] - started) / span;
  const lastMs = (finished[finished.length - 1] - finished[finished.length - 1 - span]) / span;
  return {
    readouts: files.length,
    seconds,
    perSecond: files.length / seconds,
    peakRssMb: peak / 1024 / 1024,
    failed: summary.failed.length,
    curve,
    firstMs,
    lastMs,
    concurrency: options.concurrency ?? 2,
  };
}

export function readTruth(file: string): SynthTruth[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SynthTruth);
}

async function timeGet(url: string, headers?: Record<string, string>): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return { ms: performance.now() - t0, status: response.status };
}

async function timeCall(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** Median of `count` sequential GETs: on a server just started, the cost before the JIT has warmed. */
export async function timeColdRequests(url: string, count: number): Promise<{ medianMs: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < count; i++) {
    const r = await timeGet(url);
    times.push(r.ms);
    status = r.status;
  }
  return { medianMs: median(times), status };
}

export interface PageTiming {
  medianMs: number;
  p95Ms: number;
  /** Median of the page's own queries, run directly against the database in the same rounds. */
  sqlMs: number;
  status: number;
}

/**
 * Times a warm page against its own queries: `warmup` untimed rounds, then `rounds` rounds that
 * each make one request and run the queries once, so that both sides of the ratio see the same
 * machine state.
 */
export async function timePage(
  url: string,
  queries: () => Promise<unknown>,
  options: { warmup: number; rounds: number; headers?: Record<string, string> },
): Promise<PageTiming> {
  let status = 0;
  for (let i = 0; i < options.warmup; i++) {
    status = (await timeGet(url, options.headers)).status;
    await queries();
  }
  const page: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const r = await timeGet(url, options.headers);
    page.push(r.ms);
    status = r.status;
    sql.push(await timeCall(queries));
  }
  return { medianMs: median(page), p95Ms: quantile(page, 0.95), sqlMs: median(sql), status };
}
