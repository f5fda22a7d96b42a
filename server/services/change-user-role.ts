import { prisma, type Db } from "@/server/db";
import { changeRoleSchema } from "@/lib/schemas/admin";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { recordAccountEvent } from "./account-event";

/** Gives a user another role. An admin cannot change their own, so the last admin cannot lock everyone out by mistake. */
export async function changeUserRole(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ADMIN");
  const change = parseInput(changeRoleSchema, input);
  if (change.userId === who.id) throw new InvalidInputError({ role: ["you cannot change your own role; ask another admin"] });
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ email: string; role: string }[]>`select email, role::text as role from "user" where id = ${change.userId} for update`;
    if (!rows[0]) throw new NotFoundError(`user ${change.userId} does not exist`);
    await tx.user.update({ where: { id: change.userId }, data: { role: change.role } });
    await recordAccountEvent(tx, { actorId: who.id, targetUserId: change.userId, kind: "ROLE_CHANGED", before: { role: rows[0].role }, after: { role: change.role } });
    return { email: rows[0].email, from: rows[0].role, to: change.role };
  });
}
