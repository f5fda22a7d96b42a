import fs from "node:fs";
import path from "node:path";
import { createPrisma, type Db } from "@/server/db";
import { decodeReadout } from "@/server/engine/validate-readout";
import { exportDocument } from "@/server/export/export-pledges";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { startEphemeralDatabase } from "@/server/runtime/ephemeral";
import { UserFacingError } from "@/server/runtime/errors";
import { closeSqlPools } from "@/server/sql-transaction";
import { goldFilesFor, missingTexts, type GoldFile } from "./gold";
import { scoreExport, type ExportDoc, type Figures } from "./score";

export interface EvalGroup { label: string; figures: Figures }
export interface EvalResult {
  folder: string;
  corpus: string;
  half: string | null;
  overall: Figures;
  byPartner: EvalGroup[];
  byOutlet: EvalGroup[];
  /** Annotated readouts left out because their text is missing (`--skip-missing`); scored as absent from the gold. */
  skipped?: string[];
}

/** Scores one gold file on an export: as a whole, per partner country and per outlet. */
export function scoreGold(gold: GoldFile, texts: Map<string, string>, doc: ExportDoc, folder: string): EvalResult {
  const groups = (by: (r: GoldFile["readouts"][number]) => string | undefined) => {
    const labels = [...new Set(gold.readouts.map(by).filter((x): x is string => !!x))].sort();
    return labels.map((label) => ({ label, figures: scoreExport(gold.readouts.filter((r) => by(r) === label), texts, doc) }));
  };
  return {
    folder,
    corpus: gold.corpus,
    half: gold.half ?? null,
    overall: scoreExport(gold.readouts, texts, doc),
    byPartner: groups((r) => r.partner),
    byOutlet: groups((r) => r.outlet),
  };
}

/**
 * The gold files of a folder, with every annotated text present; otherwise says which to place
 * where. With `skipMissing`, each gold file keeps only the readouts whose text is present, and the
 * ones left out are returned so the caller names them.
 */
export function goldsWithTexts(
  root: string,
  folder: string,
  only?: string[],
  options: { skipMissing?: boolean } = {},
): { golds: GoldFile[]; skipped: string[] } {
  const golds = goldFilesFor(root, folder).filter((g) => !only?.length || only.includes(g.corpus));
  if (golds.length === 0) throw new UserFacingError(`no gold file in tests/gold annotates ${folder} (its "dir" must name the folder)`);
  const missing = missingTexts(root, golds);
  if (missing.length === 0) return { golds, skipped: [] };
  if (!options.skipMissing) {
    const lines = missing.map((m) => `  ${m.path}${m.url ? `  ← ${m.url}` : ""}`);
    throw new UserFacingError(
      `${missing.length} annotated readout${missing.length === 1 ? " is" : "s are"} missing. Save the text of each page, as UTF-8 plain text, at:\n${lines.join("\n")}\n(or score the readouts present with --skip-missing)`,
    );
  }
  const gone = new Set(missing.map((m) => path.resolve(root, m.path)));
  const present = golds
    .map((g) => ({ ...g, readouts: g.readouts.filter((r) => !gone.has(path.resolve(root, g.dir, r.file))) }))
    .filter((g) => g.readouts.length > 0);
  if (present.length === 0) throw new UserFacingError(`every annotated readout of ${folder} is missing; nothing to score`);
  return { golds: present, skipped: missing.map((m) => m.path) };
}

/**
 * Ingests the annotated readouts of the gold files into `db` through the same code as
 * `npm run ingest`, exports what was stored, and scores the export against each gold file.
 */
export async function evaluateInto(db: Db, root: string, golds: GoldFile[], options: { concurrency?: number } = {}): Promise<EvalResult[]> {
  const files = [...new Set(golds.flatMap((g) => g.readouts.map((r) => path.join(g.dir, r.file))))];
  const texts = new Map(files.map((f) => [path.basename(f), decodeReadout(fs.readFileSync(path.resolve(root, f)))]));
  // Each readout is ingested with its article's address, as an analyst who saved the page has it.
  const sourceUrls = new Map(golds.flatMap((g) => g.readouts.filter((r) => r.url).map((r) => [r.file, r.url!] as const)));
  await ingestFiles(db, files.map((f) => path.resolve(root, f)), { concurrency: options.concurrency ?? 1, sourceUrls });
  const doc = await exportDocument(db);
  return golds.map((g) => scoreGold(g, texts, doc, g.dir));
}

/** `evaluateInto` a fresh, throwaway database, for every gold file of a folder. Nothing else is written. */
export async function evaluateFolder(
  root: string,
  folder: string,
  options: { concurrency?: number; only?: string[]; skipMissing?: boolean } = {},
): Promise<EvalResult[]> {
  const { golds, skipped } = goldsWithTexts(root, folder, options.only, { skipMissing: options.skipMissing });
  const database = await startEphemeralDatabase("eval");
  const db = createPrisma(database.url, 2);
  try {
    const results = await evaluateInto(db, root, golds, options);
    return results.map((r) => ({ ...r, skipped: skipped.filter((f) => path.dirname(f) === path.normalize(r.folder)) }));
  } finally {
    await db.$disconnect();
    await closeSqlPools();
    await database.stop();
  }
}

const f2 = (x: number) => x.toFixed(2);

function row(label: string, f: Figures): string {
  return [
    label.padEnd(24).slice(0, 24),
    String(f.readouts).padStart(3),
    `${f.dates.correct}/${f.dates.total}`.padStart(6),
    f2(f.mentions.precision).padStart(5),
    f2(f.mentions.recall).padStart(5),
    f2(f.links.precision).padStart(5),
    f2(f.links.recall).padStart(5),
    `${f.links.goldPairs}`.padStart(5),
    f2(f.bcubed.f1).padStart(5),
    `${f.firstMentions.correct}/${f.firstMentions.total}`.padStart(7),
    String(f.mixedPartners).padStart(5),
    f2(f.notPledges.share).padStart(5),
    String(f.titlesCut).padStart(4),
    String(f.titlesFragment).padStart(4),
  ].join(" ");
}

const HEADER = `${"".padEnd(24)} ${"n".padStart(3)} ${"dates".padStart(6)} ${"menP".padStart(5)} ${"menR".padStart(5)} ${"lnkP".padStart(5)} ${"lnkR".padStart(5)} ${"pairs".padStart(5)} ${"B3F1".padStart(5)} ${"first".padStart(7)} ${"mixed".padStart(5)} ${"notPl".padStart(5)} ${"cut".padStart(4)} ${"frag".padStart(4)}`;

/** One table: each gold file as a whole, then per partner country and per outlet. */
export function formatEval(results: EvalResult[]): string {
  const lines = [HEADER];
  for (const r of results) {
    lines.push(row(`${r.corpus}${r.half ? ` (${r.half})` : ""}${r.skipped?.length ? " PARTIAL" : ""}`, r.overall));
    for (const g of r.byPartner) lines.push(row(`  partner ${g.label}`, g.figures));
    for (const g of r.byOutlet) lines.push(row(`  outlet ${g.label}`, g.figures));
  }
  for (const r of results) {
    if (r.skipped?.length) lines.push(`${r.corpus}: PARTIAL, ${r.skipped.length} annotated readout(s) missing and not scored: ${r.skipped.map((f) => path.basename(f)).join(", ")}`);
  }
  lines.push(
    "n readouts · dates exact · menP/menR mention precision/recall · lnkP/lnkR pairwise link precision/recall across meetings (pairs: gold pairs) · B3F1 B-cubed F1 · first: pledges whose first mention date is right · mixed: pledges mixing partners · notPl: share of stored pledges with no gold mention · cut: titles cut off · frag: titles that are fragments (not led by a verb, or left hanging)",
  );
  return lines.join("\n");
}

/** The figures as one JSON line, without the lists of misses. */
export function evalJson(results: EvalResult[], meta: Record<string, unknown>): string {
  const strip = ({ missed: _m, spurious: _s, unlinked: _u, wrongLinks: _w2, fragmentTitles: _f, dates: { wrong: _w, ...dates }, ...f }: Figures) => ({ ...f, dates });
  return JSON.stringify({
    ...meta,
    results: results.map((r) => ({
      corpus: r.corpus,
      half: r.half,
      skipped: r.skipped ?? [],
      ...strip(r.overall),
      byPartner: Object.fromEntries(r.byPartner.map((g) => [g.label, strip(g.figures)])),
      byOutlet: Object.fromEntries(r.byOutlet.map((g) => [g.label, strip(g.figures)])),
    })),
  });
}
