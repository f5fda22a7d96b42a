import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { freshDatabase, useFreshDatabase } from "./support";

const SEEDS = path.resolve("seeds");
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();

async function lubanPledges(db: Db) {
  return db.pledge.findMany({
    where: { mergedIntoId: null, mentions: { some: { phrase: { contains: "Luban", mode: "insensitive" } } } },
    include: { mentions: { include: { meeting: true } } },
  });
}

describe("ingesting the seed readouts", () => {
  const ctx = useFreshDatabase("ingest_seeds");

  it("stores five meetings with their meeting dates and linked pledges", async () => {
    const summary = await ingestFiles(ctx.db, [SEEDS]);
    expect(summary.failed).toEqual([]);
    expect(summary.created).toBe(seedFiles.length);
    expect(summary.mentions).toBeGreaterThan(20);
    expect(summary.linked).toBeGreaterThan(5);

    const dates = (await ctx.db.meeting.findMany({ orderBy: { meetingDate: "asc" } })).map((m) => m.meetingDate.toISOString().slice(0, 10));
    expect(dates).toEqual(["2022-02-05", "2022-08-01", "2024-07-05", "2025-06-17", "2025-11-22"]);
  });

  it("links every Luban Workshop mention into one pledge spanning all five meetings, first mentioned 2022-02-05", async () => {
    const pledges = await lubanPledges(ctx.db);
    expect(pledges).toHaveLength(1);
    const [luban] = pledges;
    expect(luban.meetingCount).toBe(5);
    expect(luban.firstMentionDate?.toISOString().slice(0, 10)).toBe("2022-02-05");
    const first = luban.mentions.find((m) => m.meetingId === luban.firstMeetingId);
    expect(first?.meeting.meetingDate.toISOString().slice(0, 10)).toBe("2022-02-05");
  });

  it("keeps every quote exactly equal to the stored text between its offsets", async () => {
    const mentions = await ctx.db.mention.findMany({ include: { meeting: { select: { text: true } } } });
    for (const m of mentions) {
      expect(m.meeting.text.slice(m.start, m.end)).toBe(m.quote);
      expect(m.meeting.text.slice(m.phraseStart, m.phraseEnd)).toBe(m.phrase);
      expect(m.phraseStart).toBeGreaterThanOrEqual(m.start);
      expect(m.phraseEnd).toBeLessThanOrEqual(m.end);
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.linkReason.length).toBeGreaterThan(5);
    }
  });

  it("is idempotent: the same readouts again change nothing", async () => {
    const before = await Promise.all([ctx.db.meeting.count(), ctx.db.pledge.count(), ctx.db.mention.count()]);
    const summary = await ingestFiles(ctx.db, [SEEDS]);
    expect(summary.unchanged).toBe(seedFiles.length);
    expect(summary.created).toBe(0);
    expect(await Promise.all([ctx.db.meeting.count(), ctx.db.pledge.count(), ctx.db.mention.count()])).toEqual(before);
  });
});

describe("ingesting an older readout after newer ones", () => {
  const ctx = useFreshDatabase("ingest_reverse");

  it("re-derives first mentions from meeting dates", async () => {
    // Newest first: the pledge is created by the 2025 readout and its first mention moves back as older ones arrive.
    for (const file of [...seedFiles].reverse()) {
      const summary = await ingestFiles(ctx.db, [path.join(SEEDS, file)]);
      expect(summary.failed).toEqual([]);
    }
    const [luban] = await lubanPledges(ctx.db);
    expect(luban.meetingCount).toBe(5);
    expect(luban.firstMentionDate?.toISOString().slice(0, 10)).toBe("2022-02-05");
    const stats = await ctx.db.pledge.findMany({ where: { mergedIntoId: null } });
    for (const p of stats) {
      const mentions = await ctx.db.mention.findMany({ where: { pledgeId: p.id }, include: { meeting: true } });
      const earliest = Math.min(...mentions.map((m) => m.meeting.meetingDate.getTime()));
      expect(p.firstMentionDate?.getTime()).toBe(earliest);
      expect(p.mentionCount).toBe(mentions.length);
    }
  });
});

describe("bad input", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  const good = fs.readFileSync(path.join(SEEDS, seedFiles[0]));

  beforeAll(async () => {
    ctx = await freshDatabase("ingest_bad");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "readouts-"));
    fs.writeFileSync(path.join(dir, "01-empty.txt"), "");
    fs.writeFileSync(path.join(dir, "02-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]));
    fs.writeFileSync(path.join(dir, "03-huge.txt"), Buffer.alloc(2 * 1024 * 1024 + 10, "a"));
    fs.writeFileSync(path.join(dir, "04-latin1.txt"), Buffer.from("Wang Yi said China will build a caf\xe9 for Tajik students.", "latin1"));
    fs.writeFileSync(path.join(dir, "05-undated.txt"), "Talks held\n\nThe two sides agreed to expand trade and will build a new road between the two countries.\n");
    fs.writeFileSync(path.join(dir, "06-good.txt"), good);
  });
  afterAll(async () => {
    await ctx?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports each bad file by name with its reason, ingests the good one and leaves no trace of the rest", async () => {
    const summary = await ingestFiles(ctx.db, [dir, path.join(dir, "missing.txt")]);
    const reasons = Object.fromEntries(summary.failed.map((f) => [path.basename(f.file), f.reason]));
    expect(reasons["01-empty.txt"]).toMatch(/empty/);
    expect(reasons["02-binary.txt"]).toMatch(/binary/);
    expect(reasons["03-huge.txt"]).toMatch(/2 MB/);
    expect(reasons["04-latin1.txt"]).toMatch(/UTF-8/);
    expect(reasons["05-undated.txt"]).toMatch(/no meeting date.*--date/);
    expect(reasons["missing.txt"]).toMatch(/no such file/);
    expect(summary.created).toBe(1);

    const meetings = await ctx.db.meeting.findMany();
    expect(meetings.map((m) => path.basename(m.sourceName))).toEqual(["06-good.txt"]);
    const orphanMentions = await ctx.db.mention.count({ where: { meetingId: { not: meetings[0].id } } });
    expect(orphanMentions).toBe(0);
    const emptyPledges = await ctx.db.pledge.count({ where: { mentions: { none: {} } } });
    expect(emptyPledges).toBe(0);
  });

  it("accepts an undated readout when the analyst gives the meeting date", async () => {
    const summary = await ingestFiles(ctx.db, [path.join(dir, "05-undated.txt")], { meetingDate: "2023-03-04" });
    expect(summary.failed).toEqual([]);
    const meeting = await ctx.db.meeting.findFirstOrThrow({ where: { sourceName: { endsWith: "05-undated.txt" } } });
    expect(meeting.meetingDate.toISOString().slice(0, 10)).toBe("2023-03-04");
  });
});

describe("a long ingestion batch", () => {
  const ctx = useFreshDatabase("ingest_upkeep");

  it("vacuums the pledge rows it rewrites as it goes, and removes their dead versions", async () => {
    const vacuums = async () => {
      const rows = await ctx.db.$queryRaw<{ n: bigint }[]>`
        select vacuum_count as n from pg_stat_user_tables where relname = 'Pledge'`;
      return Number(rows[0].n);
    };
    const before = await vacuums();
    const summary = await ingestFiles(ctx.db, [SEEDS], { upkeepEvery: 2, concurrency: 2 });
    expect(summary.created).toBe(seedFiles.length);
    // Five new readouts with a clean-up every two: at least two vacuums of the pledge rows.
    expect((await vacuums()) - before).toBeGreaterThanOrEqual(2);
  });
});


describe("files that would stall a run", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  const good = fs.readFileSync(path.join(SEEDS, seedFiles[0]));

  beforeAll(async () => {
    ctx = await freshDatabase("ingest_stall");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "stall-"));
    // One line of 1.9 MB, under the size cap: a list of commitments with no full stop.
    const clause = "the two sides will strengthen cooperation in trade, energy and culture and ";
    fs.writeFileSync(path.join(dir, "01-one-line.txt"), `Talks in Dushanbe\nDUSHANBE, May 5, 2024 -- ${clause.repeat(Math.floor(1_900_000 / clause.length))}.\n`);
    fs.writeFileSync(path.join(dir, "02-good.txt"), good);
  });
  afterAll(async () => {
    await ctx?.drop();
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("analyses a 1.9 MB one-line readout and then the good file after it", async () => {
    const summary = await ingestFiles(ctx.db, [dir]);
    expect(summary.failed).toEqual([]);
    expect(summary.created).toBe(2);
  });

  it("stops a readout that takes longer than the limit, reports it by name, and goes on with the rest", async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "stall-"));
    try {
      fs.copyFileSync(path.join(dir, "01-one-line.txt"), path.join(other, "01-slow.txt"));
      fs.writeFileSync(path.join(other, "02-good.txt"), fs.readFileSync(path.join(SEEDS, seedFiles[1])));
      // A limit well below what the long file needs (about 0.3 s a stage on a 2-core machine) and
      // well above what a readout needs once the worker is warm (under 0.02 s): it is stopped, the
      // next file still runs in a new worker.
      const summary = await ingestFiles(ctx.db, [other], { fileTimeoutMs: 100 });
      expect(summary.failed.map((f) => path.basename(f.file))).toContain("01-slow.txt");
      expect(summary.failed.find((f) => f.file.endsWith("01-slow.txt"))!.reason).toMatch(/longer than 100 ms and was stopped/);
      expect(summary.failed.some((f) => f.file.endsWith("02-good.txt")), JSON.stringify(summary.failed)).toBe(false);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it("reports an unreadable folder in the summary instead of aborting the run", async () => {
    const locked = path.join(dir, "locked");
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o000);
    // Root reads any folder whatever its mode: there, the refusal the kernel would give is injected.
    const readdir = fs.readdirSync;
    const spy =
      process.getuid?.() === 0
        ? vi.spyOn(fs, "readdirSync").mockImplementation(((target: fs.PathLike, options?: unknown) => {
            if (String(target) === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), { code: "EACCES" });
            return (readdir as (p: fs.PathLike, o?: unknown) => unknown)(target, options);
          }) as typeof fs.readdirSync)
        : null;
    try {
      const summary = await ingestFiles(ctx.db, [locked, path.join(SEEDS, seedFiles[2])]);
      expect(summary.failed).toEqual([{ file: locked, reason: "folder cannot be read: EACCES" }]);
      expect(summary.created).toBe(1);
    } finally {
      spy?.mockRestore();
      fs.chmodSync(locked, 0o700);
    }
  });

  it("ends in the normal summary, every readout failed with the reason, when the database goes away mid-run", async () => {
    const gone = await freshDatabase("ingest_gone");
    const files = seedFiles.map((f) => path.join(SEEDS, f));
    // The database disappears (connections ended, database dropped) after the first readout.
    let first = true;
    const summary = await ingestFiles(gone.db, files, {
      onProgress: () => {
        if (first) {
          first = false;
          void gone.drop();
        }
      },
    });
    expect(summary.read).toBe(files.length);
    expect(summary.created + summary.failed.length).toBe(files.length);
    expect(summary.failed.length).toBeGreaterThan(0);
    for (const failure of summary.failed) expect(failure.reason).toMatch(/could not be stored/);
  });
});

describe("ingesting a folder with its articles' addresses", () => {
  const ctx = useFreshDatabase("ingest_addresses");

  it("dates a page that prints no date from its address, keeps the address, and says where the date came from", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "addresses-"));
    // Written for this test: a page with a day but no year and no date of its own.
    fs.writeFileSync(path.join(dir, "undated.txt"), "Ministers meet in Bishkek\n\nOn May 18 the Chinese and Kyrgyz foreign ministers held talks in Bishkek. China will open a new consulate in Osh.\n");
    fs.writeFileSync(path.join(dir, "bare.txt"), "Ministers meet again\n\nThe Chinese and Kyrgyz foreign ministers held talks in Bishkek. China will build a new road to Osh.\n");
    const url = "https://example.org/eng/zgyw/202305/t20230520_11080742.htm";
    const summary = await ingestFiles(ctx.db, [dir], { sourceUrls: new Map([["undated.txt", url], ["bare.txt", "https://example.org/2021/0908/c90000-1.html"]]) });
    expect(summary.failed).toEqual([]);
    const meetings = await ctx.db.meeting.findMany({ orderBy: { meetingDate: "asc" }, select: { sourceName: true, sourceUrl: true, meetingDate: true, publishedAt: true, dateEvidence: true } });
    const byName = Object.fromEntries(meetings.map((m) => [m.sourceName, m]));
    expect(byName["undated.txt"].sourceUrl).toBe(url);
    expect(byName["undated.txt"].meetingDate.toISOString().slice(0, 10)).toBe("2023-05-18");
    expect(byName["undated.txt"].dateEvidence).toMatch(/publication date from the page's address/);
    expect(byName["bare.txt"].meetingDate.toISOString().slice(0, 10)).toBe("2021-09-08");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
