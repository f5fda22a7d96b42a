import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { spawnApp, stopApp, waitForApp } from "@/server/runtime/app-server";
import { freePort } from "@/server/runtime/ephemeral";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";

// What a monitor, a proxy and an attacker see at the edge of the app: statuses, headers, redirects.
const PASSWORD = "hardening e2e, a long passphrase";
let db: Db;

test.beforeAll(async () => {
  db = createPrisma(process.env.DATABASE_URL!, 2);
});
test.afterAll(async () => db?.$disconnect());

test("query strings no link of the app produces answer 400 with the reason", async ({ page }) => {
  const cases: [string, RegExp][] = [
    ["/pledges?page=0", /page/],
    ["/pledges?page=1%3B%20DELETE", /whole number/],
    [`/pledges?topic=trade%00`, /control characters/],
    [`/pledges?q=${"x".repeat(5000)}`, /longer than/],
    ["/meetings?size=100000", /size/],
  ];
  for (const [url, reason] of cases) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This address cannot be opened");
    await expect(page.locator("body")).toContainText(reason);
  }
  // A search for anything a person would type still works.
  expect((await page.goto(`/pledges?q=${encodeURIComponent("Luban Workshop")}&page=1`))?.status()).toBe(200);
});

test("every response carries the security headers, and pages run under a nonce policy without a violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/pledges");
  const headers = response!.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-eval'");
  // The page's interactive parts work under the policy: sorting is a client component.
  await page.getByRole("button", { name: /^Mentions/ }).click();
  await expect(page).toHaveURL(/sort=/);
  expect(violations).toEqual([]);

  const api = await page.request.get("/api/export?format=json&view=table");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("liveness and readiness answer for load balancers", async ({ request }) => {
  const live = await request.get("/healthz");
  expect(live.status()).toBe(200);
  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.text()).toContain("ready");
});

test.describe("an instance whose database is unreachable", () => {
  let app: ChildProcess;
  let url: string;
  test.beforeAll(async () => {
    const [port, deadPort] = [await freePort(), await freePort()];
    url = `http://127.0.0.1:${port}`;
    app = spawnApp(`postgresql://nobody:nothing@127.0.0.1:${deadPort}/none`, port, { host: "127.0.0.1", quiet: true });
    await waitForApp(app, `${url}/healthz`);
  });
  test.afterAll(async () => app && stopApp(app));

  test("answers 503 with Retry-After on pages, the API and readiness, and stays alive", async ({ request }) => {
    const page = await request.get(`${url}/pledges`);
    expect(page.status()).toBe(503);
    expect(page.headers()["retry-after"]).toBeTruthy();
    expect(await page.text()).toContain("cannot reach its database");
    const api = await request.get(`${url}/api/pledges/1`);
    expect(api.status()).toBe(503);
    expect((await api.json()).error).toBe("unavailable");
    const ready = await request.get(`${url}/readyz`);
    expect(ready.status()).toBe(503);
    expect(await ready.text()).toContain("database unreachable");
    expect((await request.get(`${url}/healthz`)).status()).toBe(200);
  });
});

test("signing in never leads to another site, whatever the next address hides", async ({ page, baseURL }) => {
  const email = `redirect-${randomUUID().slice(0, 8)}@hardening-e2e.test`;
  await createUser(COMMAND_LINE, { email, role: "viewer", password: PASSWORD }, db);
  // A tab in the address is refused before any page renders.
  expect((await page.goto("/login?next=/%09/evil.example/pwn"))?.status()).toBe(400);
  // Backslashes and doubled slashes that browsers read as another host lead home instead.
  await page.goto(`/login?next=${encodeURIComponent("/\\evil.example/pwn")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: /Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("a server action sent without an Origin is refused", async ({ page }) => {
  const response = await page.request.post("/pledges", {
    headers: { "Next-Action": "0".repeat(40), "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(response.status()).toBe(403);
});

test("spreadsheet formulas in an exported title are neutralised", async ({ request }) => {
  const pledge = await db.pledge.findFirstOrThrow({ where: { mergedIntoId: null }, orderBy: { id: "desc" } });
  const formula = `=HYPERLINK("http://evil.example","${randomUUID().slice(0, 6)}")`;
  await db.pledge.update({ where: { id: pledge.id }, data: { title: formula } });
  try {
    const csv = await (await request.get(`/api/export?format=csv&view=table&q=${encodeURIComponent("HYPERLINK")}`)).text();
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  } finally {
    await db.pledge.update({ where: { id: pledge.id }, data: { title: pledge.title } });
  }
});
