import { expect, test, type APIRequestContext } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";

const PASSWORD = "e2e password, long enough";
const stamp = Date.now().toString(36);
const analystEmail = `analyst-${stamp}@editing-e2e.test`;
const viewerEmail = `viewer-${stamp}@editing-e2e.test`;
let db: Db;
let pledge: { id: number; title: string };

/** Signs in over HTTP as the login form does; each sign-in gets its own client address so the sign-in limit is not shared. */
async function signIn(request: APIRequestContext, baseURL: string, email: string) {
  const response = await request.post("/api/auth/sign-in/email", {
    data: { email, password: PASSWORD },
    headers: { Origin: baseURL, "X-Forwarded-For": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7` },
  });
  expect(response.status()).toBe(200);
}

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
  await createUser(COMMAND_LINE, { email: analystEmail, role: "analyst", password: PASSWORD }, db);
  await createUser(COMMAND_LINE, { email: viewerEmail, role: "viewer", password: PASSWORD }, db);
  // A seeded pledge no other spec edits: the least-mentioned one with the highest id.
  pledge = await db.pledge.findFirstOrThrow({
    where: { mergedIntoId: null, status: "NOT_YET_ASSESSED" },
    orderBy: [{ mentionCount: "asc" }, { id: "desc" }],
    select: { id: true, title: true },
  });
});
test.afterAll(async () => db?.$disconnect());

test("an analyst signs in, changes a status with note and evidence, and every view shows it", async ({ page }) => {
  const note = `Customs statistics show the first shipments (${stamp}).`;
  await page.goto(`/login?next=/pledges/${pledge.id}`);
  await page.getByLabel("Email").fill(analystEmail);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/pledges/${pledge.id}$`));
  await expect(page.getByTestId("signed-in-user")).toContainText(analystEmail);

  const form = page.getByRole("form", { name: "Change status" });
  await form.getByLabel("New status").selectOption("PARTIALLY_FULFILLED");
  await form.getByLabel(/^Note/).fill(note);
  await form.getByLabel(/^Evidence/).fill("https://example.org/customs/2025");
  await form.getByLabel("Date the evidence refers to").fill("2025-03-31");
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByRole("status")).toHaveText("Status set to Partially fulfilled.");
  // The form now shows the saved status, not the one it was opened with.
  await expect(form.getByLabel("New status")).toHaveValue("PARTIALLY_FULFILLED");

  const history = page.locator("section", { has: page.getByRole("heading", { name: "History", exact: true }) });
  await expect(history.getByText(note)).toBeVisible();
  await expect(history.getByRole("link", { name: "https://example.org/customs/2025" })).toBeVisible();

  const stored = await db.pledgeEvent.findFirstOrThrow({ where: { pledgeId: pledge.id, note }, include: { user: true } });
  expect(stored).toMatchObject({ toStatus: "PARTIALLY_FULFILLED", fromStatus: "NOT_YET_ASSESSED", evidenceUrl: "https://example.org/customs/2025" });
  expect(stored.user?.email).toBe(analystEmail);

  await page.goto(`/pledges?q=${encodeURIComponent(pledge.title.slice(0, 60))}`);
  const row = page.getByRole("row").filter({ hasText: pledge.title.slice(0, 40) }).first();
  await expect(row).toContainText("Partially fulfilled");

  // The status-by-topic chart counts it at once (its table alternative holds the same figures).
  const topic = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id }, select: { topic: { select: { name: true, id: true } } } });
  const expected = await db.pledge.count({ where: { topicId: topic.topic.id, status: "PARTIALLY_FULFILLED", mergedIntoId: null } });
  expect(expected).toBeGreaterThan(0);
  await page.goto("/trends");
  const shown = await page.evaluate(({ topicName }) => {
    for (const table of Array.from(document.querySelectorAll("table"))) {
      const head = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent?.trim());
      const column = head.indexOf("Partially fulfilled");
      if (column < 0 || !head.includes("Total")) continue;
      for (const tr of Array.from(table.querySelectorAll("tbody tr"))) {
        const cells = Array.from(tr.children).map((c) => c.textContent?.trim());
        if (cells[0] === topicName) return Number(cells[column]);
      }
    }
    return null;
  }, { topicName: topic.topic.name });
  expect(shown).toBe(expected);
});

test("an edit made against an old version is refused and shows what changed", async ({ page, baseURL }) => {
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto(`/pledges/${pledge.id}`);
  const form = page.getByRole("form", { name: "Change status" });
  await expect(form).toBeVisible();
  // Another analyst saves while this form is open.
  await db.pledge.update({ where: { id: pledge.id }, data: { version: { increment: 1 } } });
  await form.getByLabel("New status").selectOption("STALLED");
  await form.getByLabel(/^Note/).fill("No progress reported for a year.");
  await form.getByLabel(/^Evidence/).fill("Annual report 2025, p. 4");
  await form.getByLabel("Date the evidence refers to").fill("2025-05-01");
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was saved");
  await expect(form.getByRole("alert")).toContainText("Partially fulfilled");
  expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("PARTIALLY_FULFILLED");
  // The select shows the status the pledge has now, so saving again records what the analyst sees.
  await expect(form.getByLabel("New status")).toHaveValue("PARTIALLY_FULFILLED");
  await form.getByLabel("New status").selectOption("STALLED");
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByRole("status")).toHaveText("Status set to Stalled.");
  await expect(form.getByLabel("New status")).toHaveValue("STALLED");
  const last = await db.pledgeEvent.findFirstOrThrow({ where: { pledgeId: pledge.id, kind: "STATUS_CHANGED" }, orderBy: { id: "desc" } });
  expect(last).toMatchObject({ fromStatus: "PARTIALLY_FULFILLED", toStatus: "STALLED" });
});

test("a viewer sees the pledge but no edit form", async ({ page, baseURL }) => {
  await signIn(page.request, baseURL!, viewerEmail);
  await page.goto(`/pledges/${pledge.id}`);
  await expect(page.getByTestId("signed-in-user")).toContainText(viewerEmail);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "Change status" })).toHaveCount(0);
  await expect(page.getByTestId("pledge-editor")).toHaveCount(0);
});

test("the JSON API refuses a signed-out status change with 401 and a viewer with 403", async ({ playwright, baseURL, page }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const body = { status: "FULFILLED", note: "forged", evidenceUrl: "https://example.org", evidenceDate: "2025-01-01", version: 1 };
  const response = await anonymous.post(`/api/pledges/${pledge.id}/status`, { data: body, headers: { Origin: baseURL! } });
  expect(response.status()).toBe(401);
  await anonymous.dispose();

  await signIn(page.request, baseURL!, viewerEmail);
  const viewer = await page.request.post(`/api/pledges/${pledge.id}/status`, { data: body, headers: { Origin: baseURL! } });
  expect(viewer.status()).toBe(403);
  const record = await (await page.request.get(`/api/pledges/${pledge.id}`)).json();
  expect(record.status).toBe("STALLED");
  expect(record.history.some((event: { note: string | null }) => event.note === "forged")).toBe(false);
});

test("the review queue is driven from the keyboard: j/k move, a accepts, r rejects", async ({ page, baseURL }) => {
  const target = await db.pledge.findFirstOrThrow({ where: { mergedIntoId: null, mentionCount: { gt: 0 } }, orderBy: { id: "asc" }, include: { mentions: { take: 1 } } });
  const source = target.mentions[0];
  const made = [];
  // The two weakest links of all, so they head the queue.
  for (const [index, confidence] of [0.001, 0.002].entries()) {
    made.push(
      await db.mention.create({
        data: {
          pledgeId: target.id, meetingId: source.meetingId, quote: `${source.quote} [review ${stamp} ${index}]`, start: source.start, end: source.end,
          phrase: source.phrase, phraseStart: 900_000 + index, phraseEnd: 900_100 + index, sentenceIndex: source.sentenceIndex, cue: source.cue,
          firmness: source.firmness, specificity: source.specificity, confidence, linkMethod: "AUTOMATIC", linkReason: "e2e", review: "UNREVIEWED",
        },
      }),
    );
  }
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto("/review");
  await expect(page.getByLabel("Keyboard shortcuts")).toContainText("accept link");
  const items = page.getByTestId("review-item");
  await expect(items.first()).toContainText(`[review ${stamp} 0]`);
  await items.first().focus();
  await page.keyboard.press("j");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByText(`Mention ${made[0].id} accepted.`)).toBeVisible();
  await expect(items.first()).toContainText(`[review ${stamp} 1]`);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("r");
  await expect(page.getByText(`Mention ${made[1].id} marked as not a pledge.`)).toBeVisible();
  const reviews = await db.mention.findMany({ where: { id: { in: made.map((m) => m.id) } }, orderBy: { id: "asc" }, select: { review: true } });
  expect(reviews.map((m) => m.review)).toEqual(["ACCEPTED", "REJECTED"]);
});
