import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * A gold file: hand-annotated readouts of one folder. Mentions are short exact phrases of the
 * readout; mentions of one pledge share a key, within a readout and across readouts.
 */
const goldReadout = z.object({
  file: z.string().min(1),
  url: z.string().optional(),
  outlet: z.string().optional(),
  outletCountry: z.string().optional(),
  partner: z.string().optional(),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  place: z.string().nullable().optional(),
  kind: z.string().optional(),
  participants: z.array(z.string()).optional(),
  mentions: z.array(z.object({ phrase: z.string().min(1), key: z.string().min(1) })),
  /** Phrases of sentences that look like pledges but are not (rhetoric, praise, forecasts). */
  notPledges: z.array(z.string()).optional(),
});

const goldFile = z.object({
  corpus: z.string(),
  half: z.string().optional(),
  dir: z.string(),
  rules: z.string().optional(),
  readouts: z.array(goldReadout),
});

export type GoldReadout = z.infer<typeof goldReadout>;
export type GoldFile = z.infer<typeof goldFile>;

export const GOLD_DIR = "tests/gold";

/** Every gold file, by name, from the project's gold folder. */
export function loadGoldFiles(root: string): (GoldFile & { name: string })[] {
  const dir = path.join(root, GOLD_DIR);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const parsed = goldFile.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
      if (!parsed.success) throw new Error(`${GOLD_DIR}/${f}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return { ...parsed.data, name: f.replace(/\.json$/, "") };
    });
}

/** The gold files that annotate a folder (given relative to the project or absolute). */
export function goldFilesFor(root: string, folder: string): (GoldFile & { name: string })[] {
  const want = path.resolve(root, folder);
  return loadGoldFiles(root).filter((g) => path.resolve(root, g.dir) === want);
}

/** Annotated files that are not in their folder, with where to get each. */
export function missingTexts(root: string, golds: GoldFile[]): { path: string; url: string | null }[] {
  return golds.flatMap((g) =>
    g.readouts
      .map((r) => ({ path: path.join(g.dir, r.file), url: r.url ?? null }))
      .filter((r) => !fs.existsSync(path.resolve(root, r.path))),
  );
}
