import { Worker } from "node:worker_threads";
import type { prepareReadout } from "./ingest-readout";

export type Prepared = ReturnType<typeof prepareReadout>;

/** How long one readout may take to be read and analysed before it is stopped (`--file-timeout`). */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

const WORKER = new URL("./prepare-worker.mjs", import.meta.url);

/**
 * Prepares files in a worker thread, one at a time, each with a time budget: a readout that
 * takes longer is stopped (the worker is ended and a fresh one takes the next file) and comes
 * back as a failure naming the limit, so one pathological file never holds up the others nor
 * blocks the process. The worker runs the same `prepareReadout` as everything else.
 */
export async function prepareInWorker(
  files: string[],
  options: { meetingDate?: string; timeoutMs?: number; onPrepared?: (done: number, total: number) => void } = {},
): Promise<Prepared[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const out: Prepared[] = [];
  try {
    for (const file of files) {
      const current = await readyWorker();
      const result = await new Promise<Prepared | "timeout">((resolve) => {
        const timer = setTimeout(() => resolve("timeout"), timeoutMs);
        const done = (value: Prepared) => {
          clearTimeout(timer);
          current.off("message", onMessage);
          current.off("error", onError);
          resolve(value);
        };
        const onMessage = (value: Prepared) => done(value);
        const onError = (error: Error) => done({ file, status: "failed", reason: `could not be analysed: ${error.message}` });
        current.on("message", onMessage);
        current.on("error", onError);
        current.postMessage({ file, meetingDate: options.meetingDate });
      });
      if (result === "timeout") {
        await stopWorker();
        out.push({ file, status: "failed", reason: `analysis took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; the file is probably not a readout (raise the limit with --file-timeout)` });
      } else {
        out.push(result);
        if ("status" in result && result.reason.startsWith("could not be analysed")) await stopWorker();
      }
      options.onPrepared?.(out.length, files.length);
    }
  } finally {
    // Kept for the next batch, but never keeping the process alive.
    shared?.unref();
  }
  return out;
}

let shared: Worker | null = null;

let ready: Promise<Worker> | null = null;

/** One worker per process, started on first use (its start-up loads the language model once). */
async function readyWorker(): Promise<Worker> {
  if (!shared || !ready) {
    const worker = new Worker(WORKER);
    shared = worker;
    worker.on("exit", () => {
      if (shared === worker) {
        shared = null;
        ready = null;
      }
    });
    ready = new Promise<Worker>((resolve, reject) => {
      worker.once("message", () => resolve(worker));
      worker.once("error", reject);
    });
  }
  shared.ref();
  return ready;
}

async function stopWorker(): Promise<void> {
  const worker = shared;
  shared = null;
  ready = null;
  await worker?.terminate();
}
