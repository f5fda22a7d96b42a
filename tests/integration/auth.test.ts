import { createHash } from "node:crypto";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { createApiToken } from "@/server/services/create-api-token";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";
import { ForbiddenError, InvalidInputError } from "@/server/services/errors";
import { describeFirstUser } from "@/server/services/first-user-hint";
import { revokeApiToken } from "@/server/services/revoke-api-token";
import { freshDatabase } from "./support";

const BASE = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let auth: typeof import("@/server/auth");

/** A request as a browser on our own origin sends it; each test uses its own client address. */
function authRequest(path: string, body: unknown, ip: string, cookie?: string) {
  return new Request(`${BASE}/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE, host: "localhost:3000", "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

function cookieOf(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

beforeAll(async () => {
  ctx = await freshDatabase("auth_accounts");
  db = ctx.db;
  process.env.DATABASE_URL = ctx.url;
  process.env.BETTER_AUTH_SECRET = "test-secret-for-integration-tests-only-0123456789";
  auth = await import("@/server/auth");
});
afterAll(async () => ctx?.drop());

describe("accounts", () => {
  it("tells how to create the first admin while there is no user", async () => {
    const hint = await describeFirstUser(db);
    expect(hint).toContain("npm run user:create -- --email");
    expect(hint).toContain("--role admin");
  });

  it("creates a user whose password is hashed by the auth library's hasher", async () => {
    const user = await createUser(COMMAND_LINE, { email: "Admin@Auth.Test", role: "admin", password: PASSWORD }, db);
    expect(user).toMatchObject({ email: "admin@auth.test", role: "ADMIN" });
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(account.password).not.toContain(PASSWORD);
    expect(await verifyPassword({ hash: account.password!, password: PASSWORD })).toBe(true);
    expect(await describeFirstUser(db)).toBeNull();
    await expect(createUser(COMMAND_LINE, { email: "admin@auth.test", role: "viewer", password: PASSWORD }, db)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(createUser(COMMAND_LINE, { email: "short@auth.test", role: "viewer", password: "short" }, db)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it("lets only an admin create users from the app", async () => {
    const viewer = { id: "x", email: "v@auth.test", name: "v", role: "VIEWER" as const };
    await expect(createUser(viewer, { email: "new@auth.test", role: "admin", password: PASSWORD }, db)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("signing in over HTTP", () => {
  it("signs in with email and password, reads the session and its role, and signs out", async () => {
    await createUser(COMMAND_LINE, { email: "analyst@auth.test", role: "analyst", password: PASSWORD }, db);
    const response = await auth.getAuth().handler(authRequest("/sign-in/email", { email: "analyst@auth.test", password: PASSWORD }, "203.0.113.10"));
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(response);

    const request = new Request(`${BASE}/api/pledges/1`, { headers: { cookie, host: "localhost:3000" } });
    const identity = await auth.identifyRequest(request);
    expect(identity).toMatchObject({ via: "cookie", actor: { email: "analyst@auth.test", role: "ANALYST" } });
    expect(await db.session.count({ where: { user: { email: "analyst@auth.test" } } })).toBe(1);
    // The database holds only the token's digest: the cookie's token is nowhere in the session table.
    const stored = await db.session.findFirstOrThrow({ where: { user: { email: "analyst@auth.test" } } });
    const token = decodeURIComponent(cookie.split("=")[1]).split(".")[0];
    expect(stored.token).toBe(`sha256:${createHash("sha256").update(token).digest("hex")}`);
    expect(await db.session.count({ where: { token } })).toBe(0);

    const out = await auth.getAuth().handler(authRequest("/sign-out", {}, "203.0.113.10", cookie));
    expect(out.status).toBe(200);
    expect(await db.session.count({ where: { user: { email: "analyst@auth.test" } } })).toBe(0);
    expect((await auth.identifyRequest(request)).actor).toBeNull();
  });

  it("has no public sign-up", async () => {
    const response = await auth.getAuth().handler(
      authRequest("/sign-up/email", { email: "intruder@auth.test", password: PASSWORD, name: "Intruder" }, "203.0.113.11"),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await db.user.count({ where: { email: "intruder@auth.test" } })).toBe(0);
  });

  it("slows repeated failed sign-ins down, counted in the database, even for the right password", async () => {
    await createUser(COMMAND_LINE, { email: "target@auth.test", role: "viewer", password: PASSWORD }, db);
    const ip = "198.51.100.77";
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await auth.getAuth().handler(authRequest("/sign-in/email", { email: "target@auth.test", password: `wrong-${attempt}-password` }, ip));
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const blocked = await auth.getAuth().handler(authRequest("/sign-in/email", { email: "target@auth.test", password: PASSWORD }, ip));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("X-Retry-After"))).toBeGreaterThan(0);
    expect(await db.rateLimit.count({ where: { key: { contains: ip } } })).toBe(1);

    const elsewhere = await auth.getAuth().handler(authRequest("/sign-in/email", { email: "target@auth.test", password: PASSWORD }, "198.51.100.78"));
    expect(elsewhere.status).toBe(200);
  });

  it("throttles an account whatever address the attempts come from", async () => {
    await createUser(COMMAND_LINE, { email: "rotated@auth.test", role: "viewer", password: PASSWORD }, db);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await auth.getAuth().handler(
        authRequest("/sign-in/email", { email: "rotated@auth.test", password: `wrong-${attempt}-password` }, `192.0.2.${attempt + 1}`),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // The right password from yet another address waits too, and is told how long.
    const blocked = await auth.getAuth().handler(authRequest("/sign-in/email", { email: "rotated@auth.test", password: PASSWORD }, "192.0.2.99"));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("refuses common and repeated passwords whatever their length", async () => {
    for (const password of ["aaaaaaaaaaaa", "password1234", "qwertyuiopasdf"]) {
      await expect(createUser(COMMAND_LINE, { email: "weak@auth.test", role: "viewer", password }, db)).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(await db.user.count({ where: { email: "weak@auth.test" } })).toBe(0);
  });

  it("refuses a cross-site sign-out carrying the session cookie", async () => {
    const signIn = await auth.getAuth().handler(authRequest("/sign-in/email", { email: "analyst@auth.test", password: PASSWORD }, "203.0.113.12"));
    const cookie = cookieOf(signIn);
    const forged = new Request(`${BASE}/api/auth/sign-out`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example", host: "localhost:3000", cookie, "x-forwarded-for": "203.0.113.12" },
      body: "{}",
    });
    const response = await auth.getAuth().handler(forged);
    expect(response.status).toBe(403);
    expect(await db.session.count({ where: { user: { email: "analyst@auth.test" } } })).toBe(1);
  });
});

describe("personal API tokens", () => {
  it("stores only the sha256 of the token, authenticates with it, and refuses it once revoked", async () => {
    await createUser(COMMAND_LINE, { email: "robot@auth.test", role: "analyst", password: PASSWORD }, db);
    const created = await createApiToken(COMMAND_LINE, { email: "robot@auth.test", name: "ci" }, db);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const request = () => new Request(`${BASE}/api/pledges/1`, { headers: { authorization: `Bearer ${created.token}` } });
    expect(await auth.identifyRequest(request())).toMatchObject({ via: "token", actor: { email: "robot@auth.test", role: "ANALYST" } });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    expect(await revokeApiToken(COMMAND_LINE, { id: created.id }, db)).toEqual({ revoked: 1 });
    const refused = await auth.identifyRequest(request());
    expect(refused.actor).toBeNull();
    expect(refused.rejected).toMatch(/revoked/);
    await expect(auth.authenticateMutation(request())).rejects.toMatchObject({ status: 401 });
  });
});
