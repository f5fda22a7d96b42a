import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPrisma, type Db } from "@/server/db";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";

const PASSWORD = "e2e password, long enough";
const SCRIPT = `<script>alert("xss-script")</script>`;
const IMG = `<img src=x onerror="alert('xss-img')">`;
let db: Db;
let meetingId: number;

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
  // Written with the plain driver, as a hostile readout would arrive: nothing cleans it on the way in.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const text = `Hostile readout ${IMG}\nOn July 5, 2024 the two sides agreed ${SCRIPT} to cooperate.\n`;
  const result = await client.query(
    `insert into "Meeting" ("sourceName", "contentHash", title, "meetingDate", "dateEvidence", countries, text, "analysedRanges")
     values ($1, $2, $3, '2024-07-05', 'explicit', '{China,Tajikistan}', $4, $5) returning id`,
    ["hostile.txt", randomUUID(), `Hostile ${SCRIPT} title`, text, JSON.stringify([[0, text.length]])],
  );
  meetingId = result.rows[0].id;
  await client.end();
});
test.afterAll(async () => db?.$disconnect());

test("markup in a readout is shown as text and never runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`/meetings/${meetingId}`);
  await expect(page.getByText(SCRIPT).first()).toBeVisible();
  await expect(page.getByText(IMG).first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(await page.locator("main img[src='x']").count()).toBe(0);
  expect(await page.locator("main script").filter({ hasText: "xss-script" }).count()).toBe(0);
});

test("SQL-looking search and sort parameters return a normal page", async ({ page }) => {
  const attempts = [
    `/pledges?q=${encodeURIComponent(`' OR 1=1; DROP TABLE "Pledge"; --`)}`,
    `/pledges?sort=${encodeURIComponent(`title; DROP TABLE "Pledge"`)}`,
    `/pledges?sort=${encodeURIComponent(`"mentionCount" desc, (select pg_sleep(5))`)}.asc`,
    `/pledges?q=${encodeURIComponent("%' UNION SELECT email FROM \"user\" --")}&page=2`,
  ];
  for (const url of attempts) {
    const started = Date.now();
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Pledges" })).toBeVisible();
    expect(Date.now() - started, url).toBeLessThan(5000);
  }
  expect(await db.pledge.count()).toBeGreaterThan(0);
  await expect(page.locator("body")).not.toContainText(/@(editing|security)-e2e\.test/);
});

test("a cross-site POST carrying an analyst's session is refused", async ({ page, baseURL }) => {
  const email = `analyst-${randomUUID().slice(0, 8)}@security-e2e.test`;
  await createUser(COMMAND_LINE, { email, role: "analyst", password: PASSWORD }, db);
  const signIn = await page.request.post("/api/auth/sign-in/email", {
    data: { email, password: PASSWORD },
    headers: { Origin: baseURL!, "X-Forwarded-For": "10.99.0.1" },
  });
  expect(signIn.status()).toBe(200);
  const pledge = await db.pledge.findFirstOrThrow({ where: { mergedIntoId: null }, orderBy: { id: "asc" } });
  const body = { status: "BROKEN_OR_DROPPED", note: "forged from another site", evidenceUrl: "https://evil.example", evidenceDate: "2025-01-01", version: pledge.version };

  const forged = await page.request.post(`/api/pledges/${pledge.id}/status`, { data: body, headers: { Origin: "http://evil.example" } });
  expect(forged.status()).toBe(403);
  const forgedSignOut = await page.request.post("/api/auth/sign-out", { data: {}, headers: { Origin: "http://evil.example" } });
  expect(forgedSignOut.status()).toBe(403);

  const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
  expect(after.version).toBe(pledge.version);
  expect(await db.pledgeEvent.count({ where: { note: "forged from another site" } })).toBe(0);
  // The session survived the forged sign-out and still works from our own origin.
  const own = await page.request.get(`/api/pledges/${pledge.id}`);
  expect(own.status()).toBe(200);
});
