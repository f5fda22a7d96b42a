import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { changeUserRole } from "@/server/services/change-user-role";
import { createUser } from "@/server/services/create-user";
import { ForbiddenError, InvalidInputError } from "@/server/services/errors";
import { setUserActive } from "@/server/services/set-user-active";
import { freshDatabase } from "./support";

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
