import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { changeUserRole } from "@/server/services/change-user-role";
import { createApiToken } from "@/server/services/create-api-token";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";
import { ForbiddenError, InvalidInputError, UnauthenticatedError } from "@/server/services/errors";
import { revokeApiToken } from "@/server/services/revoke-api-token";
import { setUserActive } from "@/server/services/set-user-active";
import { freshDatabase } from "./support";

// Outside a running Next server there is no page cache to invalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const BASE = "http://localhost:3000";

let ctx: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let admin: Actor;
let analyst: Actor;

async function user(role: "ADMIN" | "ANALYST"): Promise<Actor> {
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${id.slice(0, 8)}@accounts.test`;
  await db.user.create({ data: { id, email, name: role, role } });
  return { id, email, name: role, role };
}

beforeAll(async () => {
  ctx = await freshDatabase("account_admin");
  db = ctx.db;
  // The API routes and the auth library use the app's own database client: point it at this database.
  process.env.DATABASE_URL = ctx.url;
  process.env.BETTER_AUTH_SECRET = "test-secret-for-integration-tests-only-0123456789";
  admin = await user("ADMIN");
  analyst = await user("ANALYST");
});
afterAll(async () => ctx?.drop());

describe("administering accounts", () => {
  it("creates, changes a role, deactivates (ending sessions) and reactivates, each with its history row", async () => {
    const created = await createUser(admin, { email: "New.Person@accounts.test", role: "analyst", password: "violet harbour lantern 73 quietly" }, db);
    await db.session.create({ data: { id: randomUUID(), token: randomUUID(), userId: created.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await changeUserRole(admin, { userId: created.id, role: "VIEWER" }, db);
    await setUserActive(admin, { userId: created.id, active: "false" }, db);
    expect(await db.session.count({ where: { userId: created.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).deactivatedAt).not.toBeNull();
    await setUserActive(admin, { userId: created.id, active: "true" }, db);
    const events = await db.accountEvent.findMany({ where: { targetUserId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.before, e.after, e.actorId])).toEqual([
      ["USER_CREATED", null, { email: "new.person@accounts.test", role: "ANALYST" }, admin.id],
      ["ROLE_CHANGED", { role: "ANALYST" }, { role: "VIEWER" }, admin.id],
      ["USER_DEACTIVATED", { active: true }, { active: false }, admin.id],
      ["USER_REACTIVATED", { active: false }, { active: true }, admin.id],
    ]);
  });

  it("refuses a non-admin, an own role change, a weak password and a bad role, writing nothing", async () => {
    const before = await db.accountEvent.count();
    await expect(changeUserRole(analyst, { userId: admin.id, role: "VIEWER" }, db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserActive(analyst, { userId: admin.id, active: "false" }, db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeUserRole(admin, { userId: admin.id, role: "VIEWER" }, db)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(changeUserRole(admin, { userId: analyst.id, role: "OWNER" }, db)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(createUser(admin, { email: "weak@accounts.test", role: "viewer", password: "password1234" }, db)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.accountEvent.count()).toBe(before);
  });
});

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  new Request(`${BASE}${path}`, { method: "POST", headers: { "content-type": "application/json", host: "localhost:3000", ...headers }, body: JSON.stringify(body) });

describe("API tokens", () => {
  it("an admin creates and revokes a token, each with its history row holding neither the token nor its hash", async () => {
    const owner = await createUser(COMMAND_LINE, { email: "owner@accounts.test", role: "analyst", password: "violet harbour lantern 73 quietly" }, db);
    const created = await createApiToken(admin, { userId: owner.id, name: "nightly export" }, db);
    expect(created.token).toMatch(/^pt_/);
    await revokeApiToken(admin, { id: String(created.id) }, db);
    const events = await db.accountEvent.findMany({ where: { targetUserId: owner.id, kind: { startsWith: "TOKEN_" } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.before, e.after, e.actorId])).toEqual([
      ["TOKEN_CREATED", null, { token: created.id, name: "nightly export" }, admin.id],
      ["TOKEN_REVOKED", { token: created.id, name: "nightly export", active: true }, { token: created.id, name: "nightly export", active: false }, admin.id],
    ]);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    const stored = JSON.stringify(events);
    expect(stored).not.toContain(created.token);
    expect(stored).not.toContain(row.tokenHash);
    // Revoking again changes nothing and records nothing.
    expect(await revokeApiToken(admin, { id: String(created.id) }, db)).toEqual({ revoked: 0 });
    expect(await db.accountEvent.count({ where: { targetUserId: owner.id, kind: "TOKEN_REVOKED" } })).toBe(1);
  });

  it("records the command line's tokens too, with no actor", async () => {
    const created = await createApiToken(COMMAND_LINE, { email: analyst.email, name: "ci" }, db);
    await revokeApiToken(COMMAND_LINE, { email: analyst.email }, db);
    const events = await db.accountEvent.findMany({ where: { targetUserId: analyst.id, kind: { startsWith: "TOKEN_" } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId, (e.after as { token: number }).token])).toEqual([
      ["TOKEN_CREATED", null, created.id],
      ["TOKEN_REVOKED", null, created.id],
    ]);
  });

  it("refuses a non-admin's token creation and another user's token; a user revokes their own", async () => {
    const before = await db.accountEvent.count();
    await expect(createApiToken(analyst, { userId: analyst.id, name: "mine" }, db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createApiToken(null, { userId: analyst.id, name: "mine" }, db)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createApiToken(admin, { userId: analyst.id, name: "" }, db)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(createApiToken(admin, { name: "nobody" }, db)).rejects.toBeInstanceOf(InvalidInputError);
    const admins = await createApiToken(admin, { userId: admin.id, name: "admin's" }, db);
    const after = await db.accountEvent.count();
    expect(after).toBe(before + 1);
    await expect(revokeApiToken(analyst, { id: String(admins.id) }, db)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: admins.id } })).revokedAt).toBeNull();
    expect(await db.accountEvent.count()).toBe(after);

    const own = await createApiToken(admin, { userId: analyst.id, name: "analyst's" }, db);
    expect(await revokeApiToken(analyst, { id: String(own.id) }, db)).toEqual({ revoked: 1 });
    const last = await db.accountEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([last.kind, last.actorId, last.targetUserId]).toEqual(["TOKEN_REVOKED", analyst.id, analyst.id]);
  });

  it("the plain token works against the API as a bearer token, and is refused once revoked", async () => {
    const statusRoute = await import("@/app/api/pledges/[id]/status/route");
    const created = await createApiToken(admin, { userId: analyst.id, name: "script" }, db);
    const call = () =>
      statusRoute.POST(post("/api/pledges/1/status", { status: "DONE" }, { authorization: `Bearer ${created.token}` }), { params: Promise.resolve({ id: "1" }) });
    // Authenticated as the analyst: the request gets as far as validating its body.
    const accepted = await call();
    expect(accepted.status).toBe(400);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    await revokeApiToken(admin, { id: String(created.id) }, db);
    const refused = await call();
    expect(refused.status).toBe(401);
    expect((await refused.json()).message).toMatch(/not valid or was revoked/);
  });
});

describe("changing one's own password", () => {
  const email = "changer@accounts.test";
  const first = "violet harbour lantern 73 quietly";
  const second = "copper meadow whistle 19 slowly";

  async function signIn(password: string, address: string) {
    const { getAuth } = await import("@/server/auth");
    return getAuth().handler(post("/api/auth/sign-in/email", { email, password }, { origin: BASE, "x-forwarded-for": address }));
  }

  it("refuses a weak or mistyped password, then changes it, ends other sessions and records it without secrets", async () => {
    const { changeOwnPassword } = await import("@/server/services/change-own-password");
    const user = await createUser(COMMAND_LINE, { email, role: "viewer", password: first }, db);
    const actor: Actor = { id: user.id, email, name: user.name, role: "VIEWER" };
    const here = await signIn(first, "192.0.2.71");
    expect(here.status).toBe(200);
    const cookie = here.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect((await signIn(first, "192.0.2.72")).status).toBe(200);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    const headers = new Headers({ cookie, host: "localhost:3000" });

    const refusal = (input: Record<string, string>) => changeOwnPassword(actor, input, headers).catch((error) => error);
    const weak = await refusal({ currentPassword: first, newPassword: "password1234", confirmPassword: "password1234" });
    expect(weak).toBeInstanceOf(InvalidInputError);
    expect(weak.fieldErrors.newPassword[0]).toMatch(/too easy to guess/);
    const mistyped = await refusal({ currentPassword: first, newPassword: second, confirmPassword: `${second}!` });
    expect(mistyped.fieldErrors.confirmPassword[0]).toMatch(/differ/);
    const wrong = await refusal({ currentPassword: "not my password at all", newPassword: second, confirmPassword: second });
    expect(wrong.fieldErrors.currentPassword).toEqual(["this is not your current password"]);
    await expect(changeOwnPassword(null, { currentPassword: first, newPassword: second, confirmPassword: second }, headers)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await db.accountEvent.count({ where: { targetUserId: user.id, kind: "PASSWORD_CHANGED" } })).toBe(0);

    await changeOwnPassword(actor, { currentPassword: first, newPassword: second, confirmPassword: second }, headers);
    // The other session is gone; the one that made the change was replaced by a fresh one.
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const events = await db.accountEvent.findMany({ where: { targetUserId: user.id, kind: "PASSWORD_CHANGED" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(user.id);
    expect(events[0].after).toMatchObject({ otherSessions: "ended" });
    const recorded = JSON.stringify(events);
    const hash = (await db.account.findFirstOrThrow({ where: { userId: user.id } })).password!;
    for (const secret of [first, second, hash]) expect(recorded).not.toContain(secret);

    expect((await signIn(first, "192.0.2.73")).status).toBe(401);
    expect((await signIn(second, "192.0.2.74")).status).toBe(200);
  });
});
