import { prisma, type Db } from "@/server/db";
import { revokeTokenSchema } from "@/lib/schemas/api-token";
import { hasRole } from "@/lib/schemas/role";
import { authorise, parseInput, type Actor } from "./actor";
import { COMMAND_LINE } from "./create-user";
import { hashApiToken } from "./create-api-token";
import { ForbiddenError } from "./errors";
import { recordAccountEvent } from "./account-event";

/**
 * Revokes tokens by id, by owner or by the token itself; the rows stay as a record of who had access.
 * An admin (or the command line) revokes anyone's; any other signed-in user only their own.
 */
export async function revokeApiToken(actor: Actor | typeof COMMAND_LINE | null, input: unknown, db: Db = prisma()) {
  const who = actor === COMMAND_LINE ? null : authorise(actor, "VIEWER");
  const target = parseInput(revokeTokenSchema, input);
  const where = target.id
    ? { id: target.id }
    : target.email
      ? { user: { email: target.email } }
      : { tokenHash: hashApiToken(target.token!) };
  return db.$transaction(async (tx) => {
    const tokens = await tx.apiToken.findMany({ where: { ...where, revokedAt: null }, select: { id: true, name: true, userId: true } });
    if (who && !hasRole(who.role, "ADMIN") && tokens.some((token) => token.userId !== who.id)) {
      throw new ForbiddenError("you can revoke only your own tokens; ask an admin");
    }
    // Only tokens still active at this moment change: two revocations at once record one event.
    const revokedAt = new Date();
    for (const token of tokens) {
      const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt } });
      if (count === 0) continue;
      await recordAccountEvent(tx, {
        actorId: who?.id ?? null,
        targetUserId: token.userId,
        kind: "TOKEN_REVOKED",
        before: { token: token.id, name: token.name, active: true },
        after: { token: token.id, name: token.name, active: false },
      });
    }
    return { revoked: tokens.length };
  });
}
