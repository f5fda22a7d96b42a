import { readFileSync, readdirSync } from "node:fs";
import { parseReadout } from "@/server/ingest/parse-readout";
const dir = process.argv[2] ?? "seeds";
for (const f of readdirSync(dir).filter(f=>f.endsWith(".txt")).sort()) {
  const t = readFileSync(`${dir}/${f}`, "utf8");
  const p = parseReadout(t);
  const { sentences, analysedRanges, ...rest } = p;
  console.log(f, JSON.stringify(rest, null, 1));
  console.log("  ranges:", analysedRanges.map(([s,e]) => JSON.stringify(t.slice(s, Math.min(e, s+50)))).join(" | "));
  console.log("  sentences", sentences.length);
}
