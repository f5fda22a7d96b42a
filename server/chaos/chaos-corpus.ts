import fs from "node:fs";
import path from "node:path";
import { generateCorpus } from "@/server/synth/generate";

/**
 * Writes one round's synthetic readouts into their own folder under `root`, so every round brings
 * new readouts to ingest (readouts already stored are skipped quickly, and a fault while nothing
 * is written proves little). Returns the folder.
 */
export function writeRoundCorpus(root: string, round: number, meetings: number): string {
  const dir = path.join(root, `round-${String(round).padStart(4, "0")}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const readout of generateCorpus(meetings, 1000 + round)) fs.writeFileSync(path.join(dir, readout.file), readout.text);
  return dir;
}
