import { expect, test } from "@playwright/test";
import { createPrisma, type Db } from "@/server/db";
import { spawnApp, stopApp, waitForApp } from "@/server/runtime/app-server";
import { freePort } from "@/server/runtime/ephemeral";
import { createApiToken } from "@/server/services/create-api-token";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";

// Several app instances behind a load balancer share one database and keep no
// state of their own: an edit through one is visible through the other at once.
let db: Db;
let second: ReturnType<typeof spawnApp>;
let secondUrl: string;
let token: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  db = createPrisma(process.env.DATABASE_URL!, 2);
  const email = `multi-${Date.now().toString(36)}@instances.test`;
  await createUser(COMMAND_LINE, { email, role: "analyst", password: "two instances, one database" }, db);
  token = (await createApiToken(COMMAND_LINE, { email, name: "two instances" }, db)).token;
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  // The second instance stands behind a proxy that compresses, so it leaves compression to it.
  second = spawnApp(process.env.DATABASE_URL!, port, { host: "127.0.0.1", quiet: true, env: { COMPRESSION: "off", TRUSTED_PROXIES: "127.0.0.1" } });
  await waitForApp(second, `${secondUrl}/meetings`);
});
test.afterAll(async () => {
  if (second) await stopApp(second);
  await db?.$disconnect();
});

test("a status change made through one instance is served by the other at once", async ({ request, baseURL }) => {
  const pledge = await db.pledge.findFirstOrThrow({
    where: { mergedIntoId: null, status: "NOT_YET_ASSESSED" },
    orderBy: [{ mentionCount: "asc" }, { id: "asc" }],
  });
  const auth = { Authorization: `Bearer ${token}` };

  const before = await request.get(`${secondUrl}/api/pledges/${pledge.id}`, { headers: auth });
  expect((await before.json()).status).toBe("NOT_YET_ASSESSED");

  const change = await request.post(`${baseURL}/api/pledges/${pledge.id}/status`, {
    headers: auth,
    data: { status: "STALLED", note: "No progress reported for two years", evidenceUrl: "https://example.org/report", evidenceDate: "2025-01-15", version: pledge.version },
  });
  expect(change.status()).toBe(200);

  const after = await request.get(`${secondUrl}/api/pledges/${pledge.id}`, { headers: auth });
  const body = await after.json();
  expect(body.status).toBe("STALLED");
  expect(body.version).toBe(pledge.version + 1);

  const page = await request.get(`${secondUrl}/pledges?status=STALLED`);
  expect(await page.text()).toContain(`href="/pledges/${pledge.id}"`);
});

test("an instance behind a compressing proxy can leave compression to it", async ({ request, baseURL }) => {
  const headers = { "Accept-Encoding": "gzip" };
  const compressed = await request.get(`${baseURL}/pledges`, { headers });
  expect(compressed.status()).toBe(200);
  expect(compressed.headers()["content-encoding"]).toBe("gzip");

  const plain = await request.get(`${secondUrl}/pledges`, { headers });
  expect(plain.status()).toBe(200);
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  // Same page either way.
  expect(await plain.text()).toContain('data-testid="pledge-table"');
  expect(await compressed.text()).toContain('data-testid="pledge-table"');
});
