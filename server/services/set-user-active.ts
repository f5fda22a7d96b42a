import { prisma, type Db } from "@/server/db";
import { setActiveSchema } from "@/lib/schemas/admin";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { recordAccountEvent } from "./account-event";

/**
 * Deactivates or reactivates an account. Deactivating ends the user's sessions at once; sign-in and
 * their API tokens are refused while it lasts (server/auth.ts). Nothing is deleted, so reactivating restores access.
 */
export async function setUserActive(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ADMIN");
  const change = parseInput(setActiveSchema, input);
  if (change.userId === who.id) throw new InvalidInputError({ active: ["you cannot deactivate your own account"] });
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ email: string; deactivatedAt: Date | null }[]>`
      select email, "deactivatedAt" from "user" where id = ${change.userId} for update`;
    const user = rows[0];
    if (!user) throw new NotFoundError(`user ${change.userId} does not exist`);
    const wasActive = user.deactivatedAt === null;
    await tx.user.update({ where: { id: change.userId }, data: { deactivatedAt: change.active ? null : (user.deactivatedAt ?? new Date()) } });
    if (!change.active) await tx.session.deleteMany({ where: { userId: change.userId } });
    await recordAccountEvent(tx, {
      actorId: who.id,
      targetUserId: change.userId,
      kind: change.active ? "USER_REACTIVATED" : "USER_DEACTIVATED",
      before: { active: wasActive },
      after: { active: change.active },
    });
    return { email: user.email, active: change.active };
  });
}
