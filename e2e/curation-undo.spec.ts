import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { makeUser, signIn, signInWithForm } from "./fixtures/accounts";
import { makePledge } from "./fixtures/pledges";

const stamp = Date.now().toString(36);
const analystEmail = `curator-${stamp}@undo-e2e.test`;
let db: Db;

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
  await makeUser(db, analystEmail, "analyst");
});
test.afterAll(async () => db?.$disconnect());

const history = (page: import("@playwright/test").Page) => page.locator("section", { has: page.getByRole("heading", { name: "History", exact: true }) });

test("an analyst finds a pledge by title, previews the merge, merges, and splits it back from the history", async ({ page }) => {
  const survivor = await makePledge(db, `Build the water plant ${stamp}`, 2);
  const other = await makePledge(db, `Desalination works ${stamp}`, 3);
  await signInWithForm(page, analystEmail, `/pledges/${survivor.id}`);

  const merge = page.getByRole("group", { name: "Merge another pledge into this one" });
  await merge.getByLabel("Find the pledge by title").fill(`Desalination works ${stamp}`);
  await merge.getByRole("button", { name: "Search" }).click();
  const found = merge.getByRole("list", { name: "Pledges found" }).getByRole("listitem").filter({ hasText: `Pledge ${other.id}:` });
  await found.getByRole("button", { name: "Choose" }).click();
  const preview = merge.getByTestId("merge-preview");
  await expect(preview).toContainText(`Title kept: Build the water plant ${stamp}`);
  await expect(preview).toContainText("5 mentions");
  await expect(preview).toContainText("3 meetings");
  // The analyst's tools pass the same accessibility check as the public pages.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  await merge.getByRole("button", { name: `Merge pledge ${other.id} into this one` }).click();
  await expect(merge.getByRole("status")).toContainText(`Pledge ${other.id} merged into this one`);

  const entries = history(page).getByTestId("history-entry");
  const mergedEntry = entries.filter({ hasText: `Pledge ${other.id} “Desalination works ${stamp}” merged into this one` });
  await expect(mergedEntry).toContainText("mentions 2 → 5, meetings 2 → 3");
  await expect(mergedEntry).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(mergedEntry).toContainText("by");
  // Each pledge was first recorded once: the merged-in pledge's first entry says whose it was.
  await expect(history(page).getByText("Pledge first recorded", { exact: true })).toHaveCount(1);
  await expect(history(page).getByText(`Pledge ${other.id} “Desalination works ${stamp}” first recorded (later merged into this one)`)).toBeVisible();
  await page.goto(`/pledges/${other.id}`);
  await expect(page).toHaveURL(new RegExp(`/pledges/${survivor.id}$`));

  await history(page).getByRole("form", { name: /Undo: Pledge .* merged into this one/ }).getByRole("button", { name: "Undo" }).click();
  await expect(history(page).getByText(`Undone: Pledge ${other.id} split back out of pledge ${survivor.id} with 3 mentions and its history`)).toBeVisible();
  await page.goto(`/pledges/${other.id}`);
  await expect(page).toHaveURL(new RegExp(`/pledges/${other.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Desalination works ${stamp}`);
  await expect(history(page).getByText("Pledge first recorded", { exact: true })).toHaveCount(1);
  expect(await db.mention.count({ where: { pledgeId: other.id } })).toBe(3);
});

test("a rejected mention is brought back from its history entry; undoing a move the mention has left since is refused", async ({ page, baseURL }) => {
  const pledge = await makePledge(db, `Expand cotton exports ${stamp}`, 3);
  const second = await makePledge(db, `Textile cooperation ${stamp}`, 1);
  const third = await makePledge(db, `Garment factories ${stamp}`, 1);
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto(`/pledges/${pledge.id}`);

  const editor = page.getByTestId("pledge-editor");
  const mention = editor.getByRole("listitem").filter({ hasText: `Mention ${pledge.mentionIds[2]} ·` });
  await mention.getByRole("button", { name: "Not a pledge" }).click();
  const rejected = history(page).getByTestId("history-entry").filter({ hasText: `Mention ${pledge.mentionIds[2]} marked “not a pledge” (review: unreviewed → rejected)` });
  await expect(rejected).toBeVisible();
  await rejected.getByRole("button", { name: "Undo" }).click();
  await expect(history(page).getByText(`Undone: Mention ${pledge.mentionIds[2]} counts again: review back from rejected to unreviewed`)).toBeVisible();
  await expect(rejected).toContainText("undone");
  expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[2] } })).review).toBe("UNREVIEWED");

  // Move a mention to the second pledge, then (as another analyst would) on to the third.
  const moving = editor.getByRole("form", { name: `Move mention ${pledge.mentionIds[1]}` });
  await moving.getByLabel("Move to pledge number").fill(String(second.id));
  await moving.getByRole("button", { name: "Move" }).click();
  const moved = history(page).getByTestId("history-entry").filter({ hasText: `Mention ${pledge.mentionIds[1]} moved from pledge ${pledge.id} “Expand cotton exports ${stamp}” to pledge ${second.id} “Textile cooperation ${stamp}”` });
  await expect(moved).toBeVisible();
  await page.request.post(`/api/pledges/${second.id}/mentions/${pledge.mentionIds[1]}/move`, { data: { toPledgeId: third.id }, headers: { Origin: baseURL! } });
  expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[1] } })).pledgeId).toBe(third.id);

  await moved.getByRole("button", { name: "Undo" }).click();
  await expect(moved.getByRole("alert")).toContainText(`moved to pledge ${third.id}`);
  await expect(moved.getByRole("alert")).toContainText("Nothing was changed");
  expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[1] } })).pledgeId).toBe(third.id);
});

test("review shortcuts act only in the queue, never while typing, and u undoes the last decision", async ({ page, baseURL }) => {
  const pledge = await makePledge(db, `Queue pledge ${stamp}`, 3);
  // The weakest links of all, so they head the queue.
  for (const [index, id] of pledge.mentionIds.slice(1).entries()) {
    await db.mention.update({ where: { id }, data: { confidence: 0.0001 + index * 0.0001, quote: `[queue ${stamp} ${index}]` } });
  }
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto("/review");
  const items = page.getByTestId("review-item");
  await expect(items.first()).toContainText(`[queue ${stamp} 0]`);
  const count = await items.count();

  // Keys pressed outside the queue do nothing.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("a");
  await page.keyboard.press("r");
  await expect(items).toHaveCount(count);

  // Typing "r" and "a" in the move form's title field types them.
  await items.first().focus();
  await page.keyboard.press("m");
  const title = items.first().getByLabel("or a new pledge titled");
  await title.click();
  await page.keyboard.type("ra ar");
  await expect(title).toHaveValue("ra ar");
  await expect(items).toHaveCount(count);
  await page.keyboard.press("Escape");
  await expect(items.first()).toBeFocused();
  expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[1] } })).review).toBe("UNREVIEWED");

  // j to the second link, a accepts it, u puts it back in its place with the focus on it.
  await page.keyboard.press("j");
  await expect(items.nth(1)).toContainText(`[queue ${stamp} 1]`);
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByText(`Mention ${pledge.mentionIds[2]} accepted.`)).toBeVisible();
  await expect(items).toHaveCount(count - 1);
  await page.keyboard.press("u");
  await expect(page.getByText(/Undone\. Link of mention \d+ no longer confirmed/)).toBeVisible();
  await expect(items).toHaveCount(count);
  await expect(items.nth(1)).toContainText(`[queue ${stamp} 1]`);
  await expect(items.nth(1)).toBeFocused();
  expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[2] } })).review).toBe("UNREVIEWED");

  // k back to the first, r rejects it, and the button undoes it too.
  await page.keyboard.press("k");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("r");
  await expect(page.getByText(`Mention ${pledge.mentionIds[1]} marked as not a pledge.`)).toBeVisible();
  await page.getByRole("button", { name: /Undo last decision/ }).click();
  await expect(page.getByText(/Undone\. Mention \d+ counts again/)).toBeVisible();
  await expect(items.first()).toContainText(`[queue ${stamp} 0]`);
  expect((await db.mention.findUniqueOrThrow({ where: { id: pledge.mentionIds[1] } })).review).toBe("UNREVIEWED");
  // Decided, so they leave the queue for other specs.
  await db.mention.updateMany({ where: { id: { in: pledge.mentionIds } }, data: { review: "ACCEPTED" } });
});

test("a possible repeat shows the earlier pledge it came close to, and 1 moves the mention there", async ({ page, baseURL }) => {
  const earlier = await makePledge(db, `Earlier pledge ${stamp}`, 1);
  const repeat = await makePledge(db, `Possible repeat ${stamp}`, 1);
  const [mentionId] = repeat.mentionIds;
  await db.mention.update({ where: { id: mentionId }, data: { review: "UNREVIEWED", quote: `[repeat ${stamp}]` } });
  await db.linkCandidate.create({ data: { mentionId, pledgeId: earlier.id, rank: 1, score: 0.5, reason: `shares 'repeat ${stamp}'` } });
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto("/review");
  const item = page.getByTestId("review-item").filter({ hasText: `[repeat ${stamp}]` });
  await expect(item).toHaveAttribute("data-kind", "repeat");
  await expect(item).toContainText(`started pledge ${repeat.id}: Possible repeat ${stamp}`);
  const rival = item.getByTestId("review-rival");
  await expect(rival).toHaveCount(1);
  await expect(rival).toContainText(`0.50 · pledge ${earlier.id}: Earlier pledge ${stamp}`);
  await expect(rival).toContainText(`shares 'repeat ${stamp}'`);
  await expect(item.getByRole("button", { name: "Keep as a new pledge" })).toBeVisible();
  expect((await new AxeBuilder({ page }).include('[data-kind="repeat"]').analyze()).violations).toEqual([]);

  await item.focus();
  await page.keyboard.press("1");
  await expect(page.getByText(`Mention ${mentionId} moved to pledge ${earlier.id}.`)).toBeVisible();
  await expect(item).toHaveCount(0);
  expect((await db.mention.findUniqueOrThrow({ where: { id: mentionId } })).pledgeId).toBe(earlier.id);
  await page.keyboard.press("u");
  await expect(page.getByText(/Undone\./)).toBeVisible();
  await expect(item).toHaveCount(1);
  expect((await db.mention.findUniqueOrThrow({ where: { id: mentionId } })).pledgeId).toBe(repeat.id);

  // Kept as a new pledge, it leaves the queue.
  await item.getByRole("button", { name: "Keep as a new pledge" }).click();
  await expect(page.getByText(`Mention ${mentionId} accepted.`)).toBeVisible();
  await expect(item).toHaveCount(0);
  expect((await db.mention.findUniqueOrThrow({ where: { id: mentionId } })).review).toBe("ACCEPTED");
});
