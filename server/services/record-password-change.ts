import { prisma, type Db } from "@/server/db";
import { recordAccountEvent } from "./account-event";

/**
 * The account history row for a password change made through the auth library's own
 * /change-password (which verifies the current password, hashes the new one and ends the other
 * sessions in its own transaction). It records when the password was set before and after; never
 * the password or its hash.
 */
export async function recordPasswordChange(userId: string, db: Db = prisma()) {
  await db.$transaction(async (tx) => {
    const [previous, user] = await Promise.all([
      tx.accountEvent.findFirst({ where: { targetUserId: userId, kind: { in: ["USER_CREATED", "PASSWORD_CHANGED"] } }, orderBy: { id: "desc" }, select: { createdAt: true } }),
      tx.user.findUnique({ where: { id: userId }, select: { createdAt: true } }),
    ]);
    if (!user) return;
    await recordAccountEvent(tx, {
      actorId: userId,
      targetUserId: userId,
      kind: "PASSWORD_CHANGED",
      before: { passwordSet: (previous?.createdAt ?? user.createdAt).toISOString() },
      after: { passwordSet: new Date().toISOString(), otherSessions: "ended" },
    });
  });
}
