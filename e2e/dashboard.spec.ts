import fs from "node:fs";
import pg from "pg";
import { expect, test } from "@playwright/test";

// Expected answers come from SQL against the app's own database, never from
// titles or counts copied out of the seed readouts.
let client: pg.Client;
const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await client.query<T>(text, values)).rows;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
test.afterAll(async () => client?.end());

/** A small CSV reader: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

async function mostMentioned() {
  const [top] = await sql<{ id: number; meetingCount: number; mentionCount: number }>(
    `select id, "meetingCount", "mentionCount" from "Pledge" where "mergedIntoId" is null order by "mentionCount" desc, "meetingCount" desc, id limit 1`,
  );
  return top;
}

test("sorting by mentions puts the most mentioned pledge first, and the URL keeps the sort", async ({ page }) => {
  const top = await mostMentioned();
  const [{ runnerUp }] = await sql<{ runnerUp: number }>(
    `select coalesce(max("mentionCount"), 0)::int as "runnerUp" from "Pledge" where "mergedIntoId" is null and id <> ${top.id}`,
  );
  expect(top.mentionCount).toBeGreaterThan(runnerUp);

  await page.goto("/pledges");
  await page.getByRole("button", { name: /^Mentions/ }).click();
  await expect(page).toHaveURL(/sort=mentions\.desc/);
  const firstRow = page.locator("[data-testid=pledge-table] tbody tr").first();
  await expect(firstRow).toHaveAttribute("data-pledge-id", String(top.id));
  await expect(page.locator('th[data-column="mentions"]')).toHaveAttribute("aria-sort", "descending");

  await page.reload();
  await expect(page).toHaveURL(/sort=mentions\.desc/);
  await expect(page.locator("[data-testid=pledge-table] tbody tr").first()).toHaveAttribute("data-pledge-id", String(top.id));
});

test("filtering by a topic and a year range shows only matching rows, and clearing restores all", async ({ page }) => {
  const [{ total }] = await sql<{ total: number }>(`select count(*)::int as total from "Pledge" where "mergedIntoId" is null`);
  // The topic with the most pledges mentioned in 2024–2025 gives a non-trivial filtered view.
  const [topic] = await sql<{ slug: string; name: string; n: number }>(`
    select t.slug, t.name, count(distinct p.id)::int as n from "Pledge" p join "Topic" t on t.id = p."topicId"
    where p."mergedIntoId" is null and exists (select 1 from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
      where m."pledgeId" = p.id and m.review <> 'REJECTED' and mt."meetingDate" >= '2024-01-01' and mt."meetingDate" < '2026-01-01')
    group by 1, 2 order by 3 desc, 1 limit 1`);

  await page.goto("/pledges?size=100");
  await expect(page.getByTestId("pledge-count")).toContainText(`of ${total} pledges`);
  await page.getByTestId("filter-topic").locator("summary").click();
  await page.getByTestId("filter-topic").getByLabel(topic.name, { exact: true }).check();
  await expect(page).toHaveURL(new RegExp(`topic=${topic.slug}`));
  await page.keyboard.press("Escape");
  await page.getByLabel("From year").selectOption("2024");
  await page.getByLabel("To year").selectOption("2025");
  await expect(page).toHaveURL(/from=2024.*to=2025|to=2025.*from=2024/);
  await expect(page.getByTestId("pledge-count")).toContainText(`of ${topic.n} pledges`);
  const topics = await page.locator('[data-testid=pledge-table] tbody td[data-column="topic"]').allTextContents();
  expect(topics).toHaveLength(topic.n);
  expect(new Set(topics)).toEqual(new Set([topic.name]));

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("pledge-count")).toContainText(`of ${total} pledges`);
  await expect(page).not.toHaveURL(/topic=/);
});

test("a pledge's story lists every meeting that mentioned it in date order, the first marked", async ({ page }) => {
  const top = await mostMentioned();
  const dates = await sql<{ d: string }>(
    `select distinct to_char(mt."meetingDate", 'YYYY-MM-DD') as d from "Mention" m join "Meeting" mt on mt.id = m."meetingId"
     where m."pledgeId" = $1 and m.review <> 'REJECTED' order by 1`,
    [top.id],
  );
  await page.goto(`/pledges/${top.id}`);
  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(top.meetingCount);
  expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-date")))).toEqual(dates.map((r) => r.d));
  await expect(entries.first()).toContainText("First mention");
  for (let i = 1; i < top.meetingCount; i++) await expect(entries.nth(i)).not.toContainText("First mention");
  await expect(page.getByTestId("timeline-gap").first()).toContainText(/later/);
});

test("trends draws bars only for years with meetings, matching SQL counts", async ({ page }) => {
  const perYear = await sql<{ year: string; n: number }>(`
    select extract(year from mt."meetingDate")::int::text as year, count(*)::int as n
    from "Mention" m join "Meeting" mt on mt.id = m."meetingId" join "Pledge" p on p.id = m."pledgeId"
    where m.review <> 'REJECTED' and p."mergedIntoId" is null group by 1 order by 1`);
  expect(perYear.map((r) => r.year)).toEqual(expect.arrayContaining(["2022", "2024", "2025"]));
  expect(perYear.map((r) => r.year)).not.toContain("2023");

  await page.goto("/trends");
  const chart = page.getByTestId("topic-year-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const ticks = await chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  expect(ticks).toEqual(perYear.map((r) => r.year));

  await chart.getByText("Show data as a table").click();
  const rows = chart.locator("details table tbody tr");
  await expect(rows).toHaveCount(perYear.length);
  for (const [i, { year, n }] of perYear.entries()) {
    await expect(rows.nth(i).locator("th")).toHaveText(year);
    await expect(rows.nth(i).locator("td").last()).toHaveText(String(n));
  }
});

test("the CSV download of a filtered view holds exactly that view's rows", async ({ page }) => {
  const [topic] = await sql<{ slug: string }>(`
    select t.slug from "Pledge" p join "Topic" t on t.id = p."topicId" where p."mergedIntoId" is null group by 1 order by count(*) desc, 1 limit 1`);
  const expected = await sql<{ id: number }>(
    `select p.id from "Pledge" p join "Topic" t on t.id = p."topicId" where p."mergedIntoId" is null and t.slug = $1 and p."meetingCount" >= 2`,
    [topic.slug],
  );
  await page.goto(`/pledges?topic=${topic.slug}&repeated=true&size=10`);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await (await download).path();
  const [header, ...rows] = parseCsv(fs.readFileSync(file!, "utf8")).filter((r) => r.length > 1);
  expect(header[0]).toBe("id");
  expect(rows.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
});

test("an unknown or malformed pledge id shows the 404 page, with a 404 status", async ({ page }) => {
  for (const id of ["2147483000", "not-a-number"]) {
    const response = await page.goto(`/pledges/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such pledge" })).toBeVisible();
  }
  const response = await page.goto("/meetings/2147483000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such meeting" })).toBeVisible();
});

test("a readout's text never runs markup it contains", async ({ page }) => {
  const text = `Hostile readout.\n\n<script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> stay text.`;
  const [row] = await sql<{ id: number }>(
    `insert into "Meeting" ("sourceName", "contentHash", title, "meetingDate", "dateEvidence", countries, text, "analysedRanges")
     values ('hostile.txt', $1, '<b>Hostile</b>', '2021-01-01', 'test', '{China,Tajikistan}', $2, '[]') returning id`,
    [`hostile-${Date.now()}`, text],
  );
  try {
    await page.goto(`/meetings/${row.id}`);
    const readout = page.getByTestId("readout-text");
    await expect(readout).toContainText("<script>window.__pwned = 1</script>");
    await expect(readout).toContainText('<img src=x onerror="window.__pwned = 2">');
    await expect(readout.locator("img, script")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  } finally {
    await sql(`delete from "Meeting" where id = $1`, [row.id]);
  }
});
