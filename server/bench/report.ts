import fs from "node:fs";
import type { Accuracy } from "./link-accuracy";
import type { IngestRun } from "./measure";

export interface BenchResult {
  meetings: number;
  machine: string;
  date: string;
  ingest: IngestRun;
  accuracy: Accuracy;
  pages: { name: string; path: string; coldMs: number; medianMs: number; p95Ms: number; sqlMs: number; ratio: number }[];
  /** Warm median of a page that runs no query: request handling, layout, streaming, compression. */
  floorMs: number;
  /** Warm median of the default /pledges view requested without response compression. */
  uncompressedMs: number;
  load: { connections: number; seconds: number; rps: number; p99Ms: number; errors: number; requests: number };
  coldRequests: number;
  warmup: number;
  rounds: number;
  pledges: number;
  mentions: number;
  gold: string[];
}

const FILE = "BENCHMARKS.md";
const HEAD = `# Benchmarks

Measured by \`npm run bench -- --meetings N\` on a fresh embedded PostgreSQL, with a synthetic
corpus from \`npm run synth\` (seed 7). Each size below is one run. After ingestion the database is
vacuumed, analysed and checkpointed, then a production server (\`next start\`) is started. Pages are
timed twice: the first requests to the just-started server (cold: code not yet optimised by the
JIT), and then, after untimed warm-up rounds, in rounds that each make one request and run the
same page's queries once directly against the database (no HTTP, no rendering), so that the page
and its queries are timed under the same machine state (warm). Figures are medians and 95th
percentiles; targets are judged on the warm figures. Timings on a shared machine are noisy:
compare ratios within one run rather than absolute figures across runs.
`;

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

export function renderSection(r: BenchResult): string {
  const lines = [
    `<!-- size:${r.meetings} -->`,
    `## ${r.meetings.toLocaleString("en")} meetings (${r.date})`,
    "",
    `Machine: ${r.machine}. Command: \`npm run bench -- --meetings ${r.meetings}\` (ingestion ${r.ingest.concurrency} readouts at a time, as \`npm run ingest\`).`,
    `Corpus: ${r.meetings} readouts, ${r.mentions.toLocaleString("en")} mentions, ${r.pledges.toLocaleString("en")} pledges.`,
    "",
    "| ingestion | figure |",
    "| --- | --- |",
    `| readouts per second (with linking) | ${f(r.ingest.perSecond)} |`,
    `| peak memory (RSS of the ingesting process) | ${f(r.ingest.peakRssMb, 0)} MB |`,
    `| failed readouts | ${r.ingest.failed} |`,
    `| mention precision / recall | ${f(r.accuracy.mentionPrecision, 3)} / ${f(r.accuracy.mentionRecall, 3)} |`,
    `| link precision / recall (pairwise) | ${f(r.accuracy.linkPrecision, 3)} / ${f(r.accuracy.linkRecall, 3)} |`,
    "",
    `Cost per readout along the run (wall ms per readout in each tenth, ${r.ingest.concurrency} readouts at a time): ${r.ingest.curve.map((c) => `${c.upTo}: ${f(c.msPerReadout)}`).join(", ")}.`,
    `Last tenth over first tenth: ${f(r.ingest.curve[r.ingest.curve.length - 1].msPerReadout / r.ingest.curve[0].msPerReadout, 2)}×. ` +
      `Last ${Math.min(1000, Math.floor(r.ingest.readouts / 10)).toLocaleString("en")} readouts over the first as many: ${f(r.ingest.lastMs)} / ${f(r.ingest.firstMs)} ms = ${f(r.ingest.lastMs / r.ingest.firstMs, 2)}×.`,
    "",
    "Extraction and linking on the hand-annotated gold sets (`tests/gold/`), ingested and scored as `npm run eval` does, same run (real readouts first, when their texts are in place; the synthetic corpus above measures speed and scale, not accuracy):",
    "",
    "```",
    ...r.gold,
    "```",
    "",
    `Pages: a server just started, its first ${r.coldRequests} requests to each page (cold); then, per page, ${r.warmup} untimed rounds and ${r.rounds} timed rounds of one request and one direct run of the page's queries (warm).`,
    "",
    "| page | cold median ms | warm median ms | warm p95 ms | its queries ms | warm page / queries |",
    "| --- | --- | --- | --- | --- | --- |",
    ...r.pages.map((p) => `| ${p.name} (\`${p.path}\`) | ${f(p.coldMs)} | ${f(p.medianMs)} | ${f(p.p95Ms)} | ${f(p.sqlMs)} | ${f(p.ratio, 2)} |`),
    "",
    `A page that runs no query (\`/login\`, signed out), timed the same way: ${f(r.floorMs)} ms warm median. ` +
      `Each \`/pledges\` variant's time above that floor, over its queries: ${r.pages
        .filter((p) => p.path.startsWith("/pledges?") || p.path === "/pledges")
        .map((p) => `${p.name.replace("/pledges ", "")} ${f((p.medianMs - r.floorMs) / p.sqlMs, 2)}`)
        .join(", ")}. ` +
      `The default view requested without compression: ${f(r.uncompressedMs)} ms (with it, as browsers ask: ${f(r.pages.find((p) => p.path === "/pledges")?.medianMs ?? NaN)} ms).`,
    "",
    `Load: ${r.load.connections} connections for ${r.load.seconds} s against \`/pledges\`: ${f(r.load.rps)} requests/s, p99 ${f(r.load.p99Ms)} ms, ${r.load.errors} errors (${r.load.requests} requests).`,
    `<!-- /size:${r.meetings} -->`,
  ];
  return lines.join("\n");
}

/** Replaces this size's section of BENCHMARKS.md, keeping the other sizes and any notes. */
export function writeReport(r: BenchResult): void {
  let doc = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : `${HEAD}\n`;
  const section = renderSection(r);
  const pattern = new RegExp(`<!-- size:${r.meetings} -->[\\s\\S]*?<!-- /size:${r.meetings} -->`);
  doc = pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(FILE, doc);
}
