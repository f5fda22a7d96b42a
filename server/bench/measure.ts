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

/** Times `count` sequential GETs of `url`; the first two warm caches and are not counted. */
export async function timeRequests(url: string, count: number): Promise<{ medianMs: number; p95Ms: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < count + 2; i++) {
    const t0 = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    status = response.status;
    if (i >= 2) times.push(performance.now() - t0);
  }
  return { medianMs: median(times), p95Ms: quantile(times, 0.95), status };
}
