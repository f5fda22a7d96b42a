import path from "node:path";
import type { Db } from "@/server/db";
import { formatSummary, ingestFiles, type IngestSummary } from "./ingest-files";

export const SEEDS_DIR = path.resolve(process.env.PLEDGE_SEEDS_DIR ?? "seeds");

/** Loads the seed readouts when the database holds no meeting yet; returns null when it had some. */
export async function seedIfEmpty(db: Db, log: (line: string) => void = console.log): Promise<IngestSummary | null> {
  if ((await db.meeting.count()) > 0) return null;
  log(`Loading the seed readouts from ${SEEDS_DIR} …`);
  const summary = await ingestFiles(db, [SEEDS_DIR]);
  log(formatSummary(summary));
  return summary;
}
