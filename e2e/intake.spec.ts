import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { makeUser, signIn } from "./fixtures/accounts";
import { checkLayout } from "./fixtures/layout";

const stamp = Date.now().toString(36);
const analystEmail = `analyst-${stamp}@intake-e2e.test`;
const viewerEmail = `viewer-${stamp}@intake-e2e.test`;
let db: Db;

// Written for this test: an imagined call that repeats pledges of the seed readouts and adds one.
const READOUT = `Chinese and Tajik foreign ministers review farm trade and training

Chinese Foreign Minister Wang Yi spoke with Tajik Foreign Minister Sirojiddin Muhriddin by video link.

China will buy more quality agricultural products from Tajikistan, Wang said, and China will keep the Luban Workshop running smoothly.

China will also build a traditional medicine center with Tajikistan, Wang added.

China will open a glacier research laboratory in the Pamir mountains together with Tajik scientists, Wang said.
`;

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
  await makeUser(db, analystEmail, "analyst");
  await makeUser(db, viewerEmail, "viewer");
});
test.afterAll(async () => db?.$disconnect());

test("an analyst pastes a readout, gives the date it lacks, sees the proposed links, stores it and lands on the meeting", async ({ page, baseURL }) => {
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Add readouts" }).click();
  await expect(page).toHaveURL(/\/readouts\/new$/);
  const meetingsBefore = await db.meeting.count();

  await page.getByLabel("Paste a readout").fill(READOUT);
  await page.getByLabel("Outlet (optional)").fill("Test Wire");
  await page.getByRole("button", { name: "Preview" }).click();
  const result = page.getByTestId("intake-result");
  await expect(result.getByText(/no meeting date found/)).toBeVisible();

  // The date, typed and sent from the keyboard.
  const date = result.getByLabel("Meeting date");
  await date.focus();
  await page.keyboard.type("06102025");
  await page.keyboard.press("Enter");
  await expect(result.getByText(/Preview, nothing stored yet\. \d+ pledge mentions/)).toBeVisible();
  await expect(result.getByText(/How it was found: given by .*: 2025-06-10/)).toBeVisible();
  await expect(result.getByRole("definition").filter({ hasText: "Test Wire" })).toBeVisible();

  const plans = result.getByRole("list", { name: "Pledge mentions in Pasted readout" }).getByTestId("mention-plan");
  await expect(plans.filter({ hasText: "New pledge" }).first()).toBeVisible();
  await expect(plans.filter({ hasText: /linked to .* with confidence \d\.\d\d/ }).first()).toBeVisible();
  const text = result.getByTestId("preview-text");
  await expect(text.locator("mark").first()).toBeVisible();
  await expect(text.getByText(/^Linked \d\.\d\d/).first()).toBeVisible();
  await expect(text.getByText("New pledge").first()).toBeVisible();
  const shown = await plans.count();
  expect(await db.meeting.count()).toBe(meetingsBefore);

  await checkLayout(page, "intake-preview");

  const store = result.getByRole("button", { name: "Store this readout" });
  await store.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Chinese and Tajik foreign ministers review farm trade and training" })).toBeVisible();
  await expect(page.getByText(/^by analyst-\S+ on .*\d{4}$/)).toBeVisible();
  const meetingId = Number(new URL(page.url()).pathname.split("/").pop());
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { meetingDate: true, outlet: true, _count: { select: { mentions: true } } } });
  expect(meeting.meetingDate.toISOString().slice(0, 10)).toBe("2025-06-10");
  expect(meeting.outlet).toBe("Test Wire");
  expect(meeting._count.mentions).toBe(shown);
});

// Written for this test: a ministry's note of talks, then the same note corrected by its outlet.
const NOTE = `Uzbek and Chinese trade ministers meet in Samarkand
Published: 2025-03-12

On March 11, 2025, Chinese Commerce Minister Wang Wentao held talks with Uzbek Investment Minister Laziz Kudratov in Samarkand.

China will build a cotton processing park in Jizzakh and will train 300 Uzbek textile engineers, Wang said.

The two sides agreed to open a bonded warehouse in Kashgar for Uzbek dried fruit.
`;
const NOTE_CORRECTED = NOTE.replace("300 Uzbek textile engineers", "500 Uzbek textile engineers").replace(
  "The two sides agreed to open a bonded warehouse in Kashgar for Uzbek dried fruit.\n",
  "",
);

test("an analyst stores a corrected readout from the same address: the preview says what it replaces, and the meeting keeps its old version", async ({ page, baseURL }) => {
  const url = `https://trade.example.org/${stamp}/samarkand-talks`;
  await signIn(page.request, baseURL!, analystEmail);
  const add = async (text: string) => {
    await page.goto("/readouts/new");
    await page.getByLabel("Paste a readout").fill(text);
    await page.getByLabel("Source URL (optional)").fill(url);
    await page.getByRole("button", { name: "Preview" }).click();
    return page.getByTestId("intake-result");
  };

  let result = await add(NOTE);
  await expect(result.getByText(/Preview, nothing stored yet/)).toBeVisible();
  await result.getByRole("button", { name: "Store this readout" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const first = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("link", { name: url })).toHaveAttribute("href", url);

  result = await add(NOTE_CORRECTED);
  await expect(result.getByText(/Replaces version 1 of .*, because the same source URL: 1 mention kept, 2 dropped\./)).toBeVisible();
  await expect(result.getByTestId("preview-text").getByText("Kept").first()).toBeVisible();
  expect(await db.meeting.count({ where: { sourceUrl: url } })).toBe(1);
  await result.getByRole("button", { name: "Store this readout" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const second = Number(new URL(page.url()).pathname.split("/").pop());
  expect(second).not.toBe(first);
  await expect(page.getByTestId("meeting-event")).toContainText("Version 2 replaced version 1 (the same source URL)");
  await expect(page.getByTestId("meeting-event")).toContainText(/by analyst-/);
  await page.getByRole("region", { name: "Versions and sources" }).getByRole("link", { name: "Version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${first}$`));
  await expect(page.getByRole("note")).toContainText("This is version 1 of the readout");
  await expect(page.getByRole("region", { name: "Readout", exact: true })).toContainText("bonded warehouse in Kashgar");
});

test("uploading a good and a bad file: the bad one gets its reason, the good one is stored", async ({ page, baseURL }) => {
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto("/readouts/new");
  await page.getByLabel(/Or upload files/).setInputFiles([
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
    { name: "uza.txt", mimeType: "text/plain", buffer: fs.readFileSync("tests/fixtures/readouts/103_uza_cn_uz.txt") },
  ]);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 readouts: 0 stored, 1 with errors, 1 to look at or store." })).toBeVisible();
  const bad = page.getByTestId("intake-result").filter({ hasText: "empty.txt" });
  await expect(bad.getByRole("alert")).toHaveText("empty.txt: file is empty");
  await page.getByRole("button", { name: "Store all previewed (1)" }).click();
  const good = page.getByTestId("intake-result").filter({ hasText: "uza.txt" });
  await expect(good.getByRole("status")).toContainText("Stored as");
  await expect(page.getByRole("status").filter({ hasText: "2 readouts: 1 stored, 1 with errors" })).toBeVisible();
  expect(await db.meeting.count({ where: { sourceName: "uza.txt" } })).toBe(1);
  expect(await db.meeting.count({ where: { sourceName: "empty.txt" } })).toBe(0);
  await good.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
});

test("a viewer is told the page needs the analyst role and sees no link to it", async ({ page, baseURL }) => {
  await signIn(page.request, baseURL!, viewerEmail);
  await page.goto("/readouts/new");
  await expect(page.getByText("Adding readouts needs the analyst role; you are signed in as viewer.")).toBeVisible();
  await expect(page.getByLabel("Paste a readout")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add readouts" })).toHaveCount(0);
});
