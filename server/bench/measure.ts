import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db";
import { ensureTopics, ingestReadout } from "@/server/ingest/ingest-readout";
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
  /** Median milliseconds per readout in consecutive windows of the run: the cost curve. */
  curve: { upTo: number; medianMs: number }[];
}

/** Ingests every readout of a synthetic corpus, one transaction each, timing each one. */
export async function measureIngest(db: Db, dir: string, onProgress?: (done: number, total: number) => void): Promise<IngestRun> {
  await ensureTopics(db);
  const files = fs.readdirSync(dir).sort();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const durations: number[] = [];
  let failed = 0;
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const t0 = performance.now();
    const outcome = await ingestReadout(db, file, fs.readFileSync(path.join(dir, file)));
    durations.push(performance.now() - t0);
    if (outcome.status === "failed") failed++;
    if (onProgress && (i + 1) % 100 === 0) onProgress(i + 1, files.length);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const windows = Math.min(10, files.length);
  const curve: IngestRun["curve"] = [];
  for (let w = 0; w < windows; w++) {
    const from = Math.floor((w * files.length) / windows);
    const to = Math.floor(((w + 1) * files.length) / windows);
    curve.push({ upTo: to, medianMs: median(durations.slice(from, to)) });
  }
  return { readouts: files.length, seconds, perSecond: files.length / seconds, peakRssMb: peak / 1024 / 1024, failed, curve };
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
