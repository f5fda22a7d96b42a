import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { makeUser, signIn, signInWithForm } from "./fixtures/accounts";

const stamp = Date.now().toString(36);
const adminEmail = `admin-${stamp}@admin-e2e.test`;
const analystEmail = `analyst-${stamp}@admin-e2e.test`;
const newEmail = `new-${stamp}@admin-e2e.test`;
const NEW_PASSWORD = "violet harbour lantern 73 quietly";
let db: Db;

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
  await makeUser(db, adminEmail, "admin");
  await makeUser(db, analystEmail, "analyst");
});
test.afterAll(async () => db?.$disconnect());

test("an admin creates a user with a role, changes the role, deactivates and reactivates; each change is in the account history", async ({ page, playwright, baseURL }) => {
  await signInWithForm(page, adminEmail, "/admin");
  await expect(page.getByRole("link", { name: "Users" })).toBeVisible();

  const create = page.getByRole("form", { name: "Create a user" });
  await create.getByLabel("Email").fill(newEmail);
  await create.getByLabel("Role").selectOption("ANALYST");
  await create.getByLabel(/First password/).fill("password1234");
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByText(/too easy to guess/)).toBeVisible();
  await create.getByLabel(/First password/).fill(NEW_PASSWORD);
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByRole("status")).toHaveText(`Account ${newEmail} created as analyst.`);

  const row = page.getByTestId("user-row").filter({ hasText: newEmail });
  await expect(row).toContainText("Analyst · active");
  await row.getByRole("form", { name: `Role of ${newEmail}` }).getByLabel("Role").selectOption("VIEWER");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText(`${newEmail} is now viewer (was analyst).`);
  await expect(row).toContainText("Viewer · active");
  await expect(row.getByRole("combobox", { name: "Role" })).toHaveValue("VIEWER");

  // Deactivated: sign-in is refused.
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Viewer · deactivated");
  const other = await playwright.request.newContext({ baseURL });
  const refused = await other.post("/api/auth/sign-in/email", { data: { email: newEmail, password: NEW_PASSWORD }, headers: { Origin: baseURL!, "X-Forwarded-For": "10.77.1.1" } });
  expect(refused.status()).toBe(403);
  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row).toContainText("Viewer · active");
  await signIn(other, baseURL!, newEmail, NEW_PASSWORD);
  await other.dispose();

  const history = page.getByRole("list", { name: "Account history" }).getByTestId("account-event").filter({ hasText: newEmail });
  await expect(history.filter({ hasText: "Account created" })).toContainText(`before: nothing → after: role analyst, email ${newEmail} · by ${adminEmail}`);
  await expect(history.filter({ hasText: "Role changed" })).toContainText("before: role analyst → after: role viewer");
  await expect(history.filter({ hasText: "Account deactivated" })).toContainText("before: active true → after: active false");
  await expect(history.filter({ hasText: "Account reactivated" })).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  // The page passes the accessibility check and does not scroll sideways, on a desktop and a phone.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`admin-${width}.png`), fullPage: true });
  }
  expect(await db.accountEvent.count({ where: { targetUserId: (await db.user.findUniqueOrThrow({ where: { email: newEmail } })).id } })).toBe(4);
});

test("an analyst sees no admin tools", async ({ page, baseURL }) => {
  await signIn(page.request, baseURL!, analystEmail);
  await page.goto("/admin");
  await expect(page.getByText("Managing users needs the admin role")).toBeVisible();
  await expect(page.getByRole("form", { name: "Create a user" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});
