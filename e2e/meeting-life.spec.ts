import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { ingestFiles } from "@/server/ingest/ingest-files";
import { deleteMeeting } from "@/server/services/delete-meeting";
import { KABAR, XINHUA, XINHUA_CORRECTED } from "../tests/fixtures/meeting-life-readouts";
import { makeUser, signIn } from "./fixtures/accounts";

const stamp = Date.now().toString(36);
const adminEmail = `admin-${stamp}@meetings-e2e.test`;
const analystEmail = `analyst-${stamp}@meetings-e2e.test`;
const SOURCE_URL = `https://news.example.org/${stamp}/talks`;
let db: Db;
let current: number;
let first: number;
let glacierPledge: number;

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
  const admin = await makeUser(db, adminEmail, "admin");
  await makeUser(db, analystEmail, "analyst");
  // A retry starts from nothing: an earlier attempt's meeting goes first.
  for (const left of await db.meeting.findMany({ where: { replacedById: null, primaryId: null, meetingDate: new Date("2024-05-15"), countries: { has: "Kyrgyzstan" } } })) {
    await deleteMeeting({ id: admin.id, email: adminEmail, name: "admin", role: "ADMIN" }, { meetingId: left.id, confirm: "delete" }, db);
  }
  // The meeting as the command line stores it: one outlet's readout with its address, the other
  // outlet's account, then the first outlet's corrected text from the same address.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meetings-e2e-"));
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  await ingestFiles(db, [write("xinhua.txt", XINHUA)], { sourceUrl: SOURCE_URL });
  await ingestFiles(db, [write("kabar.txt", KABAR)]);
  const summary = await ingestFiles(db, [write("xinhua-corrected.txt", XINHUA_CORRECTED)], { sourceUrl: SOURCE_URL });
  expect(summary.replaced).toHaveLength(1);
  current = summary.replaced[0].meetingId;
  first = summary.replaced[0].previousMeetingId;
  // The pledge only the second outlet's readout of this meeting made.
  glacierPledge = (await db.pledge.findFirstOrThrow({ where: { mentions: { some: { phrase: { contains: "glacier research in Naryn" }, meeting: { countries: { has: "Kyrgyzstan" } } } } } })).id;
});
test.afterAll(async () => db?.$disconnect());

const title = /China and Kyrgyzstan agree on new steps/;

test("a meeting shows its original, its versions and its other sources; the old version stays readable", async ({ page }) => {
  await page.goto("/meetings?sort=date.desc");
  const rows = page.getByTestId("meeting-table").getByRole("row").filter({ hasText: title });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("+ 1 other source");

  await rows.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${current}$`));
  await expect(page.getByRole("link", { name: SOURCE_URL })).toHaveAttribute("href", SOURCE_URL);
  const life = page.getByRole("region", { name: "Versions and sources" });
  await expect(life.getByRole("link", { name: "Kabar" })).toBeVisible();
  await expect(page.getByTestId("meeting-event")).toContainText(/Version 2 replaced version 1 \(the same source URL\)/);
  // Viewers see no way to delete.
  await expect(page.getByRole("button", { name: /Delete this meeting/ })).toHaveCount(0);

  await life.getByRole("link", { name: "Version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${first}$`));
  await expect(page.getByRole("note")).toContainText("This is version 1 of the readout");
  // The old version's text is there with its pledges highlighted as they were, including the centre the correction removed.
  await expect(page.getByRole("region", { name: "Readout", exact: true })).toContainText("vocational training centre in Osh");
  await expect(page.getByRole("region", { name: "Pledges in this readout" }).getByRole("listitem").first()).toBeVisible();
  await page.getByRole("note").getByRole("link", { name: "version 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${current}$`));

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `e2e/artifacts/screenshots/meeting-life-${width}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});

// Signed in over HTTP, each time from its own address: the form's sign-in limit per address is
// shared with the other browser tests that run just before.
async function signedIn(page: Page, baseURL: string | undefined, email: string, path: string) {
  await signIn(page.request, baseURL!, email);
  await page.goto(path);
}

test("an analyst separates another outlet's readout into a meeting of its own, then files it back", async ({ page, baseURL }) => {
  await signedIn(page, baseURL, analystEmail, `/meetings/${current}`);
  await page.getByRole("region", { name: "Versions and sources" }).getByRole("link", { name: "Kabar" }).click();
  const life = page.getByRole("region", { name: "Versions and sources" });
  await expect(life).toContainText("Another outlet's readout of");
  await life.getByRole("button", { name: "Separate into its own meeting" }).click();
  await expect(life.getByRole("status")).toContainText("now a meeting of its own");
  await page.goto("/meetings?sort=date.desc");
  await expect(page.getByTestId("meeting-table").getByRole("row").filter({ hasText: "2024-05-15" })).toHaveCount(2);

  await page.getByTestId("meeting-table").getByRole("link", { name: /Kulubaev and Wang Yi/ }).click();
  const form = page.getByRole("form", { name: "File under another meeting" });
  await form.getByLabel("Another outlet's readout of").selectOption(String(current));
  await form.getByRole("button", { name: "File as a source of that meeting" }).press("Enter");
  // The page now shows the readout as a source, with the way back.
  const after = page.getByRole("region", { name: "Versions and sources" });
  await expect(after.getByRole("status")).toContainText(`Filed as a source of meeting ${current}`);
  await expect(after.getByRole("button", { name: "Separate into its own meeting" })).toBeVisible();
  await page.goto("/meetings?sort=date.desc");
  await expect(page.getByTestId("meeting-table").getByRole("row").filter({ hasText: "2024-05-15" })).toHaveCount(1);
  await page.context().clearCookies();
});

test("an analyst cannot delete; an admin deletes the meeting with its versions and sources, and the figures follow", async ({ page, baseURL }) => {
  await signedIn(page, baseURL, analystEmail, `/meetings/${current}`);
  await expect(page.getByRole("button", { name: /Delete this meeting/ })).toHaveCount(0);
  await page.context().clearCookies();

  await signedIn(page, baseURL, adminEmail, `/meetings/${current}`);
  await page.getByRole("button", { name: /Delete this meeting/ }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Delete this meeting" });
  await expect(form.getByRole("alert")).toContainText("3 readouts (every version and source)");
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "e2e/artifacts/screenshots/meeting-delete-390.png", fullPage: true });
  await form.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("form", { name: "Delete this meeting" })).toHaveCount(0);

  await page.getByRole("button", { name: /Delete this meeting/ }).click();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/meetings\?deleted=/);
  await expect(page.getByRole("status")).toContainText(/Deleted "China and Kyrgyzstan agree on new steps/);
  await expect(page.getByTestId("meeting-table").getByRole("row").filter({ hasText: title })).toHaveCount(0);

  // The pledge only this meeting made is gone; its page says so.
  const response = await page.goto(`/pledges/${glacierPledge}`);
  expect(response?.status()).toBe(404);
  expect(await db.meeting.count({ where: { id: { in: [current, first] } } })).toBe(0);
});
