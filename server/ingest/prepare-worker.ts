import fs from "node:fs";
import { parentPort } from "node:worker_threads";
import { dateReadout, prepareReadout, type ReadoutOverrides } from "./ingest-readout";

interface PrepareRequest {
  file: string;
  bytes?: Uint8Array;
  meetingDate?: string;
  overrides?: ReadoutOverrides;
  sourceUrl?: string | null;
  /** Only decode and parse, for the meeting date (`dateReadout`). */
  datesOnly?: boolean;
}

/**
 * Prepares readouts one at a time for `prepareInWorker`: read the file (or take the bytes sent,
 * for a readout uploaded in the browser), parse, extract; or, for `dateInWorker`, parse only.
 */
// Warmed up and ready: the time budget of the first file starts now, not while the language model,
// the lexical database and the engine's rules load on their first use.
const warmUp = new TextEncoder().encode("Talks\n\nOn May 5, 2024, President Xi Jinping met Tajik President Emomali Rahmon in Dushanbe. Xi said China will build a school in Khujand and the two sides should expand trade.\n");
dateReadout("warm-up", warmUp, {});
prepareReadout("warm-up", warmUp, {});
parentPort!.postMessage("ready");
parentPort!.on("message", ({ file, bytes: sent, meetingDate, overrides, sourceUrl, datesOnly }: PrepareRequest) => {
  let bytes: Uint8Array;
  try {
    bytes = sent ?? fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    parentPort!.postMessage({ file, status: "failed", reason: `cannot be read: ${code}` });
    return;
  }
  parentPort!.postMessage((datesOnly ? dateReadout : prepareReadout)(file, bytes, { meetingDate, overrides, sourceUrl }));
});
