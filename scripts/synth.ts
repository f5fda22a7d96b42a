import fs from "node:fs";
import path from "node:path";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { generateCorpus } from "@/server/synth/generate";

const USAGE = "usage: npm run synth -- --meetings N --out DIR [--seed S]";

// Writes synthetic readouts and, beside them, truth.jsonl: for every readout
// its meeting date and which character span names which pledge.
runCli(async () => {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const meetings = Number(value("--meetings") ?? 1000);
  const out = value("--out");
  const seed = Number(value("--seed") ?? 1);
  if (!out || !Number.isInteger(meetings) || meetings < 1 || !Number.isInteger(seed)) throw new UserFacingError(USAGE);
  fs.mkdirSync(out, { recursive: true });
  const truth = fs.createWriteStream(path.join(out, "truth.jsonl"));
  const readouts = path.join(out, "readouts");
  fs.mkdirSync(readouts, { recursive: true });
  let bytes = 0;
  for (const readout of generateCorpus(meetings, seed)) {
    fs.writeFileSync(path.join(readouts, readout.file), readout.text);
    truth.write(`${JSON.stringify(readout.truth)}\n`);
    bytes += readout.text.length;
  }
  await new Promise((resolve) => truth.end(resolve));
  console.log(`Wrote ${meetings} readouts (${(bytes / 1e6).toFixed(1)} MB) to ${readouts} and the ground truth to ${path.join(out, "truth.jsonl")}.`);
});
