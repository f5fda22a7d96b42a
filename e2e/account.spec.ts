import { expect, test } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { createApiToken } from "@/server/services/create-api-token";
import { COMMAND_LINE } from "@/server/services/create-user";
import { makeUser, PASSWORD, signIn, signInWithForm } from "./fixtures/accounts";
import { checkLayout } from "./fixtures/layout";

const stamp = Date.now().toString(36);
const adminEmail = `admin-${stamp}@account-e2e.test`;
const ownerEmail = `owner-${stamp}@account-e2e.test`;
const changerEmail = `changer-${stamp}@account-e2e.test`;
const NEW_PASSWORD = "copper meadow whistle 19 slowly";
const tokenName = `nightly export ${stamp}`;
let db: Db;
let pledgeId: number;

// This spec's browser has a client address of its own, so its sign-ins do not count against other specs'.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": `10.201.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
  await makeUser(db, adminEmail, "admin");
  await makeUser(db, ownerEmail, "analyst");
  await makeUser(db, changerEmail, "viewer");
  pledgeId = (await db.pledge.findFirstOrThrow({ where: { mergedIntoId: null }, select: { id: true } })).id;
});
test.afterAll(async () => db?.$disconnect());

test("an admin creates a token for a user, sees it once, and revokes it; the API accepts it, then refuses it", async ({ page, context, playwright, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInWithForm(page, adminEmail, "/admin");

  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("User").selectOption({ label: ownerEmail });
  const name = form.getByLabel("Name (what it is for)");
  await name.fill(tokenName);
  await name.press("Enter");
  await expect(form.getByRole("status")).toHaveText(`Token "${tokenName}" created for ${ownerEmail}.`);
  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText("you will not see it again");
  const token = await shown.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^pt_/);
  await shown.getByRole("button", { name: "Copy token" }).click();
  await expect(shown).toContainText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const api = await playwright.request.newContext({ baseURL });
  const asOwner = () => api.get(`/api/pledges/${pledgeId}`, { headers: { Authorization: `Bearer ${token}` } });
  expect((await asOwner()).status()).toBe(200);

  await checkLayout(page, "admin-tokens");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Shown once: after a reload the page has only the token's name.
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  const row = page.getByTestId("token-row").filter({ hasText: tokenName });
  await expect(row).toContainText(ownerEmail);
  await expect(row).toContainText("active");
  await expect(row).toContainText(/last used \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  const revoke = row.getByRole("button", { name: `Revoke ${tokenName}` });
  await revoke.focus();
  await page.keyboard.press("Enter");
  await expect(row).toContainText(/revoked \d{4}-\d\d-\d\d/);
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await asOwner()).status()).toBe(401);
  await api.dispose();

  const history = page.getByRole("list", { name: "Account history" }).getByTestId("account-event").filter({ hasText: ownerEmail });
  await expect(history.filter({ hasText: "API token created" })).toContainText(`before: nothing → after: name ${tokenName}, token `);
  await expect(history.filter({ hasText: "API token created" })).toContainText(`by ${adminEmail}`);
  await expect(history.filter({ hasText: "API token revoked" })).toContainText(/active true → after: name .*, token \d+, active false · by /);
});

test("a user changes their own password: a weak one is refused, other sessions end, the old password stops working", async ({ page, playwright, baseURL }) => {
  const own = await createApiToken(COMMAND_LINE, { email: changerEmail, name: `laptop script ${stamp}` }, db);
  // Another browser signed in as the same user: changing the password signs it out.
  const elsewhere = await playwright.request.newContext({ baseURL });
  await signIn(elsewhere, baseURL!, changerEmail);
  expect(await (await elsewhere.get("/api/auth/get-session")).json()).toMatchObject({ user: { email: changerEmail } });

  await signInWithForm(page, changerEmail, "/");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  // Their own tokens are listed, and they can revoke one.
  const tokenRow = page.getByTestId("token-row").filter({ hasText: own.name });
  await expect(tokenRow).toContainText("last used never");
  await tokenRow.getByRole("button", { name: `Revoke ${own.name}` }).click();
  await expect(tokenRow).toContainText(/revoked/);

  const form = page.getByRole("form", { name: "Change your password" });
  const current = form.getByLabel("Current password");
  const fresh = form.getByLabel(/^New password \(at least 12/);
  const again = form.getByLabel("New password again");
  await current.fill(PASSWORD);
  await fresh.fill("password1234");
  await again.fill("password1234");
  await again.press("Enter");
  await expect(form.getByRole("alert")).toHaveText("Your password was not changed: see the field marked below.");
  await expect(form.getByText(/too easy to guess/)).toBeVisible();
  await expect(fresh).toHaveAttribute("aria-invalid", "true");

  await current.fill("not my password at all");
  await fresh.fill(NEW_PASSWORD);
  await again.fill(NEW_PASSWORD);
  await again.press("Enter");
  await expect(form.getByText("this is not your current password")).toBeVisible();

  await current.fill(PASSWORD);
  await fresh.fill(NEW_PASSWORD);
  await again.fill(NEW_PASSWORD);
  await again.press("Enter");
  await expect(page).toHaveURL(/\/account\?passwordChanged=\d+$/);
  await expect(form.getByRole("status")).toHaveText(/^Password changed\./);
  // Still signed in here; the other session is gone.
  await page.reload();
  await expect(page.getByTestId("signed-in-user")).toContainText(changerEmail);
  expect(await (await elsewhere.get("/api/auth/get-session")).json()).toBeNull();
  await elsewhere.dispose();

  await checkLayout(page, "account");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/login?next=/account");
  await page.getByLabel("Email").fill(changerEmail);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  const user = await db.user.findUniqueOrThrow({ where: { email: changerEmail }, select: { id: true } });
  expect(await db.accountEvent.count({ where: { kind: "PASSWORD_CHANGED", targetUserId: user.id, actorId: user.id } })).toBe(1);
});
