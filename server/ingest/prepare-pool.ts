import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { dateReadout, prepareReadout, ReadoutOverrides } from "./ingest-readout";

export type Prepared = ReturnType<typeof prepareReadout>;
export type Dated = ReturnType<typeof dateReadout>;

interface BatchOptions {
  meetingDate?: string;
  overrides?: ReadoutOverrides;
  timeoutMs?: number;
  onPrepared?: (done: number, total: number) => void;
}

/** A file to read from disk, or a readout already in memory (uploaded in the browser) under its name; either with the article's address when known. */
export type ReadoutSource = string | { file: string; bytes?: Uint8Array; sourceUrl?: string | null };

/** How long one readout may take to be read and analysed before it is stopped (`--file-timeout`). */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

/**
 * The worker's entry file. The web app's build must not bundle it (the worker runs the project's
 * sources through tsx), hence the `turbopackIgnore` where it starts; and inside the web app
 * `import.meta.url` points into the build, so the entry is found from the project folder.
 */
function workerEntry(): string {
  const folder = process.env.NEXT_RUNTIME ? path.join(process.cwd(), "server", "ingest") : path.dirname(fileURLToPath(import.meta.url));
  return path.join(folder, "prepare-worker.mjs");
}

/**
 * Prepares files in a worker thread, one at a time, each with a time budget: a readout that
 * takes longer is stopped (the worker is ended and a fresh one takes the next file) and comes
 * back as a failure naming the limit, so one pathological file never holds up the others nor
 * blocks the process. The worker runs the same `prepareReadout` as everything else.
 */
export function prepareInWorker(files: ReadoutSource[], options: BatchOptions = {}): Promise<Prepared[]> {
  return inTurn(() => prepareBatch<Prepared>(files, options, false));
}

/**
 * Reads only the meeting date of each file (decode and parse, no extraction), in the same worker
 * and with the same time budget: how a batch orders its readouts before preparing them a few at a
 * time. A file refused at this stage comes back as the same failure `prepareInWorker` gives.
 */
export function dateInWorker(files: ReadoutSource[], options: BatchOptions = {}): Promise<Dated[]> {
  return inTurn(() => prepareBatch<Dated>(files, options, true));
}

// One worker answers one request at a time: callers (several web requests at once) take turns.
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

type Failed = Extract<Prepared, { status: "failed" }>;

async function prepareBatch<R extends Prepared | Dated>(files: ReadoutSource[], options: BatchOptions, datesOnly: boolean): Promise<R[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const out: (R | Failed)[] = [];
  try {
    for (const source of files) {
      const { file, bytes, sourceUrl } = typeof source === "string" ? { file: source, bytes: undefined, sourceUrl: undefined } : source;
      const current = await readyWorker();
      const result = await new Promise<R | Failed | "timeout">((resolve) => {
        const timer = setTimeout(() => resolve("timeout"), timeoutMs);
        const done = (value: R | Failed) => {
          clearTimeout(timer);
          current.off("message", onMessage);
          current.off("error", onError);
          resolve(value);
        };
        const onMessage = (value: R) => done(value);
        const onError = (error: Error) => done({ file, status: "failed", reason: `could not be analysed: ${error.message}` });
        current.on("message", onMessage);
        current.on("error", onError);
        current.postMessage({ file, bytes, meetingDate: options.meetingDate, overrides: options.overrides, sourceUrl, datesOnly });
      });
      if (result === "timeout") {
        await stopWorker();
        out.push({ file, status: "failed", reason: `analysis took longer than ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and was stopped; the file is probably not a readout (raise the limit with --file-timeout)` });
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
  return out as R[];
}

let shared: Worker | null = null;

let ready: Promise<Worker> | null = null;

/** One worker per process, started on first use (its start-up loads the language model once). */
async function readyWorker(): Promise<Worker> {
  if (!shared || !ready) {
    const worker = new Worker(/* turbopackIgnore: true */ workerEntry());
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
