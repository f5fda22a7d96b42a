import fs from "node:fs";
import { parentPort } from "node:worker_threads";
import { prepareReadout } from "./ingest-readout";

/** Prepares readouts one at a time for `preparePool`: read the file, parse, extract. */
// Loaded and ready: the time budget of the first file starts now, not while the language model loads.
parentPort!.postMessage("ready");
parentPort!.on("message", ({ file, meetingDate }: { file: string; meetingDate?: string }) => {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    parentPort!.postMessage({ file, status: "failed", reason: `cannot be read: ${code}` });
    return;
  }
  parentPort!.postMessage(prepareReadout(file, bytes, { meetingDate }));
});
