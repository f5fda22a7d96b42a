import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import type { Db } from "@/server/db";
import { freshDatabase } from "./support";

// The read functions use the app's process-wide client; point it at this file's own database.
let ctx: Awaited<ReturnType<typeof freshDatabase>>;
vi.mock("@/server/db", async (original) => ({
  ...(await original<typeof import("@/server/db")>()),
  prisma: () => ctx.db,
}));

const { getPledgeTable } = await import("@/server/queries/pledges");
const { listPledgesForExport } = await import("@/server/queries/pledge-export");
const { getTrends, recurrenceMatrix } = await import("@/server/queries/trends");
const { getPledgeStory } = await import("@/server/queries/pledge-story");
const { getMeetingReadout } = await import("@/server/queries/meeting-readout");
const { getOverview } = await import("@/server/queries/overview");
const { pledgeRoute, meetingExists } = await import("@/server/queries/route-guards");
const { PledgeSortKey, loadPledgeTableState } = await import("@/lib/table-state");

let db: Db;
const ids: Record<string, number> = {};
const meetings: Record<string, number> = {};

async function meeting(key: string, date: string, text: string) {
  const row = await db.meeting.create({
    data: { sourceName: `${key}.txt`, contentHash: randomUUID(), title: `Meeting ${key}`, meetingDate: new Date(`${date}T00:00:00Z`),
      dateEvidence: "explicit", countries: ["China", "Tajikistan"], text, analysedRanges: [[0, text.length]] },
  });
  meetings[key] = row.id;
}

/** A pledge with one mention per listed meeting; counts are denormalised the way the engine keeps them. */
async function pledge(key: string, topicId: number, title: string, spec: { giver: string; receiver?: string; in: string[]; phrase: string; status?: "FULFILLED" }) {
  const rows = await db.meeting.findMany({ where: { id: { in: spec.in.map((k) => meetings[k]) } }, orderBy: { meetingDate: "asc" } });
  const p = await db.pledge.create({
    data: { title, topicId, actors: spec.giver === "joint" ? ["China", "Tajikistan"] : [spec.giver], giver: spec.giver, receiver: spec.receiver ?? null,
      countryPair: "China|Tajikistan", linkKeys: [key], status: spec.status ?? "NOT_YET_ASSESSED", mentionCount: rows.length, meetingCount: rows.length,
      firstMeetingId: rows[0].id, firstMentionDate: rows[0].meetingDate, lastMentionDate: rows[rows.length - 1].meetingDate, firmness: 3, specificity: 1 },
  });
  for (const [i, m] of rows.entries()) {
    const start = m.text.indexOf(spec.phrase);
    await db.mention.create({
      data: { pledgeId: p.id, meetingId: m.id, quote: spec.phrase, start, end: start + spec.phrase.length, phrase: spec.phrase, phraseStart: start,
        phraseEnd: start + spec.phrase.length, sentenceIndex: 0, cue: "will", firmness: 3, specificity: 1, confidence: 0.9,
        linkMethod: i === 0 ? "FIRST" : "AUTOMATIC", linkReason: "test" },
    });
  }
  if (spec.status) await db.pledgeEvent.create({ data: { pledgeId: p.id, kind: "STATUS_CHANGED", fromStatus: "NOT_YET_ASSESSED", toStatus: spec.status } });
  ids[key] = p.id;
}

beforeAll(async () => {
  ctx = await freshDatabase("queries_test");
  db = ctx.db;
  const text = "China will build the Luban Workshop. The two sides will fight terrorism. China will import farm products. A 50% rise in trade.";
  await meeting("a", "2022-02-05", text);
  await meeting("b", "2022-08-01", text);
  await meeting("c", "2024-07-05", text);
  await meeting("d", "2025-06-17", text);
  const culture = await db.topic.create({ data: { slug: "culture", name: "Culture", description: "Culture" } });
  const security = await db.topic.create({ data: { slug: "security", name: "Security", description: "Security" } });
  const trade = await db.topic.create({ data: { slug: "trade", name: "Trade", description: "Trade" } });
  await pledge("luban", culture.id, "Build the Luban Workshop", { giver: "China", receiver: "Tajikistan", in: ["a", "b", "c", "d"], phrase: "build the Luban Workshop", status: "FULFILLED" });
  await pledge("terror", security.id, "Fight terrorism together", { giver: "joint", in: ["a", "c", "d"], phrase: "fight terrorism" });
  await pledge("farm", trade.id, "Import farm products", { giver: "China", receiver: "Tajikistan", in: ["b"], phrase: "import farm products" });
  await pledge("trade50", trade.id, "Raise trade by 50%", { giver: "joint", in: ["d"], phrase: "A 50% rise in trade" });
  await pledge("merged", trade.id, "Import agricultural goods", { giver: "China", in: ["c"], phrase: "import farm products" });
  await db.pledge.update({ where: { id: ids.merged }, data: { mergedIntoId: ids.farm } });
  // A mention marked "not a pledge": its quote must not make search find the pledge.
  await db.mention.create({
    data: { pledgeId: ids.farm, meetingId: meetings.d, quote: "relations reached a historic high", start: 0, end: 10, phrase: "historic high",
      phraseStart: 500, phraseEnd: 513, sentenceIndex: 0, cue: "none", firmness: 1, specificity: 0, confidence: 0.2, linkMethod: "AUTOMATIC",
      linkReason: "test", review: "REJECTED" },
  });
  // Every writer of mentions refreshes the pledge figures and yearly aggregates; so do these fixtures.
  await db.$transaction((tx) => refreshPledgeStats(tx, Object.values(ids)));
});

afterAll(async () => {
  await ctx?.drop();
});

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe("pledge table query", () => {
  it("sorts in SQL on every whitelisted key, both ways", async () => {
    const byMentions = await getPledgeTable({ sort: { key: "mentions", dir: "desc" } });
    expect(titles(byMentions.rows).slice(0, 2)).toEqual(["Build the Luban Workshop", "Fight terrorism together"]);
    const byTitle = await getPledgeTable({ sort: { key: "title", dir: "asc" } });
    expect(titles(byTitle.rows)).toEqual([...titles(byTitle.rows)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    // The longest gap since the last mention belongs to the pledge last mentioned earliest.
    const byGap = await getPledgeTable({ sort: { key: "gap", dir: "desc" } });
    expect(byGap.rows[0].title).toBe("Import farm products");
    for (const key of PledgeSortKey.options) {
      for (const dir of ["asc", "desc"] as const) {
        const page = await getPledgeTable({ sort: { key, dir } });
        expect(page.total, `${key} ${dir}`).toBe(4);
      }
    }
  });

  it("hides merged pledges and filters by topic, status, actor, direction, years, repeated and zombies", async () => {
    expect(titles((await getPledgeTable({})).rows)).not.toContain("Import agricultural goods");
    expect(titles((await getPledgeTable({ topic: ["trade"] })).rows).sort()).toEqual(["Import farm products", "Raise trade by 50%"]);
    expect(titles((await getPledgeTable({ status: ["FULFILLED"] })).rows)).toEqual(["Build the Luban Workshop"]);
    expect((await getPledgeTable({ direction: "joint" })).total).toBe(2);
    expect((await getPledgeTable({ direction: "China>Tajikistan" })).total).toBe(2);
    expect((await getPledgeTable({ actor: "Tajikistan" })).total).toBe(2);
    // Mentioned in a 2023 meeting: there was none.
    expect((await getPledgeTable({ from: 2023, to: 2023 })).total).toBe(0);
    expect(titles((await getPledgeTable({ from: 2025, to: 2025, topic: ["trade"] })).rows)).toEqual(["Raise trade by 50%"]);
    expect((await getPledgeTable({ repeated: true })).total).toBe(2);
    expect(titles((await getPledgeTable({ zombies: true })).rows)).toEqual(["Fight terrorism together"]);
  });

  it("pages in SQL and reports the total", async () => {
    const first = await getPledgeTable({ sort: { key: "title", dir: "asc" }, size: 3, page: 1 });
    const second = await getPledgeTable({ sort: { key: "title", dir: "asc" }, size: 3, page: 2 });
    expect(first.total).toBe(4);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(1);
    expect(new Set([...titles(first.rows), ...titles(second.rows)]).size).toBe(4);
  });

  it("reads pages past the middle from the end with the same rows in the same order", async () => {
    for (const key of PledgeSortKey.options) {
      for (const dir of ["asc", "desc"] as const) {
        const all = await getPledgeTable({ sort: { key, dir }, size: 100 });
        const paged = [];
        for (let page = 1; page <= all.total; page++) {
          const one = await getPledgeTable({ sort: { key, dir }, size: 1, page });
          expect(one.page).toBe(page);
          paged.push(...one.rows);
        }
        expect(paged, `${key} ${dir}`).toEqual(all.rows);
        // A partial last page: 4 rows in pages of 3.
        const last = await getPledgeTable({ sort: { key, dir }, size: 3, page: 2 });
        expect(last.rows, `${key} ${dir}`).toEqual(all.rows.slice(3));
      }
    }
    // A page beyond the last is the last page.
    const beyond = await getPledgeTable({ size: 3, page: 9 });
    expect(beyond.page).toBe(2);
    expect(beyond.rows).toEqual((await getPledgeTable({ size: 100 })).rows.slice(3));
  });

  it("filters years from the yearly rows exactly as a search of the mentions would", async () => {
    const client = new pg.Client({ connectionString: ctx.url });
    await client.connect();
    try {
      for (const [from, to] of [[2021, 2021], [2022, 2022], [2023, 2023], [2022, 2024], [2024, 2025], [2025, 2021], [1900, 2200]]) {
        const [lo, hi] = from <= to ? [from, to] : [to, from];
        const direct = await client.query<{ id: number }>(
          `select p.id from "Pledge" p where p."mergedIntoId" is null and p."mentionCount" > 0 and exists (
             select 1 from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
              where m."pledgeId" = p.id and m.review <> 'REJECTED' and extract(year from mt."meetingDate") between $1 and $2)
           order by p.id`,
          [lo, hi],
        );
        const table = await getPledgeTable({ from, to, size: 100 });
        expect(table.rows.map((r) => r.id).sort((a, b) => a - b), `${from}-${to}`).toEqual(direct.rows.map((r) => r.id));
        expect(table.total).toBe(direct.rows.length);
      }
      expect((await getPledgeTable({ from: 2022 })).total).toBe(4);
      expect(titles((await getPledgeTable({ to: 2022, sort: { key: "title", dir: "asc" } })).rows)).toEqual([
        "Build the Luban Workshop",
        "Fight terrorism together",
        "Import farm products",
      ]);
    } finally {
      await client.end();
    }
  });

  it("refuses sort keys outside the whitelist", async () => {
    expect(PledgeSortKey.safeParse('title; drop table "Pledge"').success).toBe(false);
    await expect(getPledgeTable({ sort: { key: "id) desc; --", dir: "asc" } })).rejects.toThrow();
    await expect(getPledgeTable({ sort: { key: "title", dir: "asc; drop" } })).rejects.toThrow();
    // From a URL, an unknown key falls back to the default order instead of reaching SQL.
    const state = loadPledgeTableState("https://x.test/pledges?sort=evil.asc");
    expect(state.sort).toEqual({ key: "lastMentioned", dir: "desc" });
  });

  it("searches titles and quotes with bound parameters", async () => {
    const injection = await getPledgeTable({ q: `'; drop table "Pledge"; --` });
    expect(injection.total).toBe(0);
    expect(await db.pledge.count()).toBe(5);
    expect(titles((await getPledgeTable({ q: "luban" })).rows)).toEqual(["Build the Luban Workshop"]);
    // "%" is a character to find, not a wildcard: only the pledge whose title has it.
    expect(titles((await getPledgeTable({ q: "50%" })).rows)).toEqual(["Raise trade by 50%"]);
    expect(titles((await getPledgeTable({ q: "%" })).rows)).toEqual(["Raise trade by 50%"]);
    expect((await getPledgeTable({ q: "zz%zz" })).total).toBe(0);
    // Quotes of rejected mentions are not searched.
    expect((await getPledgeTable({ q: "historic high" })).total).toBe(0);
  });

  it("exports every row of the view across pages, in the table's order", async () => {
    const view = { topic: ["trade", "culture"], sort: { key: "title", dir: "desc" } as const };
    const rows = [];
    for await (const batch of listPledgesForExport({ ...view, size: 1, page: 3 })) rows.push(...batch);
    const table = await getPledgeTable({ ...view, size: 100 });
    expect(titles(rows)).toEqual(titles(table.rows));
    expect(rows).toHaveLength(3);
    // A search is found once for the whole export, with the same rows as the table.
    const found = [];
    for await (const batch of listPledgesForExport({ q: "import", sort: { key: "title", dir: "asc" } })) found.push(...batch);
    expect(titles(found)).toEqual(["Import farm products"]);
  });
});

describe("trends aggregation", () => {
  it("equals a direct SQL count per topic and year, with no year that had no meeting", async () => {
    const trends = await getTrends({ topic: [] });
    const client = new pg.Client({ connectionString: ctx.url });
    await client.connect();
    const direct = await client.query<{ year: number; slug: string; n: number }>(`
      select extract(year from mt."meetingDate")::int as year, t.slug, count(*)::int as n
      from "Mention" m join "Meeting" mt on mt.id = m."meetingId" join "Pledge" p on p.id = m."pledgeId" join "Topic" t on t.id = p."topicId"
      where m.review <> 'REJECTED' and p."mergedIntoId" is null group by 1, 2 order by 1, 2`);
    await client.end();
    const fromQuery = trends.topicYear.map((r) => ({ year: r.year, slug: r.topicSlug, n: r.mentions })).sort((a, b) => a.year - b.year || a.slug.localeCompare(b.slug));
    expect(fromQuery).toEqual(direct.rows);
    expect([...new Set(trends.topicYear.map((r) => r.year))]).toEqual([2022, 2024, 2025]);
    expect(trends.recurrence.pledges[0].id).toBe(ids.luban);
    const filtered = await getTrends({ topic: ["security"] });
    expect(new Set(filtered.topicYear.map((r) => r.topicSlug))).toEqual(new Set(["security"]));
  });
});

describe("recurrence grid", () => {
  it("by year, equals the grid grouped from every mention: counts per year and each year's first mention", async () => {
    const client = new pg.Client({ connectionString: ctx.url });
    await client.connect();
    // Every live mention of the grid's pledges by date, as the grid grouped them before it had yearly rows.
    const mentions = await client.query<{ pledgeId: number; meetingId: number; date: Date; id: number }>(`
      select m."pledgeId", m."meetingId", mt."meetingDate" as date, m.id
        from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
       where m.review <> 'REJECTED' order by mt."meetingDate", mt.id, m.id`);
    await client.end();
    for (const topics of [[], ["trade"], ["security", "culture"]]) {
      // At most two meetings per grid forces columns by year.
      const grid = await recurrenceMatrix(topics, 30, 2);
      const byMeeting = await recurrenceMatrix(topics, 30, 1000);
      expect(grid.pledges).toEqual(byMeeting.pledges);
      const shown = new Set(grid.pledges.map((p) => p.id));
      const expected = new Map<string, { pledgeId: number; column: string; mentions: number; href: string }>();
      for (const m of mentions.rows.filter((r) => shown.has(r.pledgeId))) {
        const key = `${m.pledgeId}|${m.date.getUTCFullYear()}`;
        const cell = expected.get(key);
        if (cell) cell.mentions++;
        else expected.set(key, { pledgeId: m.pledgeId, column: String(m.date.getUTCFullYear()), mentions: 1, href: `/meetings/${m.meetingId}#mention-${m.id}` });
      }
      if (!grid.pledges.length) continue;
      expect(grid.by).toBe("year");
      const sortCells = (cells: typeof grid.cells) => [...cells].sort((a, b) => a.pledgeId - b.pledgeId || a.column.localeCompare(b.column));
      expect(sortCells(grid.cells)).toEqual(sortCells([...expected.values()]));
      expect(grid.columns.map((c) => c.key)).toEqual([...new Set([...expected.values()].map((c) => c.column))].sort());
    }
  });
});

describe("story, readout and overview", () => {
  it("tells a pledge's story in date order and redirects merged pledges", async () => {
    const story = await getPledgeStory(String(ids.luban));
    expect(story?.kind).toBe("story");
    if (story?.kind !== "story") return;
    expect(story.story.mentions.map((m) => m.meetingDate)).toEqual(["2022-02-05", "2022-08-01", "2024-07-05", "2025-06-17"]);
    expect(story.story.mentions.filter((m) => m.isFirst).map((m) => m.meetingDate)).toEqual(["2022-02-05"]);
    expect(await getPledgeStory(String(ids.merged))).toEqual({ kind: "merged", survivorId: ids.farm });
    expect(await getPledgeStory("abc")).toBeNull();
    expect(await getPledgeStory("99999999")).toBeNull();
  });

  it("decides before a page streams whether its pledge or meeting exists, or where a merged pledge went", async () => {
    expect(await pledgeRoute(String(ids.luban))).toEqual({ kind: "found", id: ids.luban });
    expect(await pledgeRoute(String(ids.merged))).toEqual({ kind: "merged", survivorId: ids.farm });
    for (const missing of ["abc", "0", "-1", "99999999", "2147483648"]) expect(await pledgeRoute(missing)).toEqual({ kind: "missing" });
    expect(await meetingExists(String(meetings.a))).toBe(true);
    expect(await meetingExists("99999999")).toBe(false);
    expect(await meetingExists("1e3")).toBe(false);
  });

  it("marks first and repeated mentions in a readout", async () => {
    const first = await getMeetingReadout(String(meetings.a));
    expect(first?.mentions.every((m) => m.firstMentionDate === null)).toBe(true);
    const later = await getMeetingReadout(String(meetings.c));
    const luban = later?.mentions.find((m) => m.pledgeId === ids.luban);
    expect(luban?.firstMentionDate).toBe("2022-02-05");
    expect(later?.mentions.some((m) => m.pledgeId === ids.merged)).toBe(false);
  });

  it("counts headline figures and zombies", async () => {
    const overview = await getOverview();
    expect(overview.meetings).toBe(4);
    expect(overview.pledges).toBe(4);
    expect(overview.repeated).toBe(2);
    expect(overview.zombies.total).toBe(1);
    expect(overview.newest?.repeated.map((p) => p.id).sort()).toEqual([ids.luban, ids.terror].sort());
    expect(overview.newest?.added.map((p) => p.id)).toEqual([ids.trade50]);
  });
});
