import { createHash, randomBytes } from "node:crypto";
import { prisma, type Db } from "@/server/db";
import { createTokenSchema } from "@/lib/schemas/api-token";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { COMMAND_LINE } from "./create-user";
import { recordAccountEvent } from "./account-event";

const PREFIX = "pt_";

/** Only this digest is stored: a leaked database does not leak working tokens. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > PREFIX.length + 20;
}

/**
 * Issues a personal API token for a user chosen by id or email; the plain token is returned once
 * and never stored, not even in the account history (which keeps the token's id and name).
 */
export async function createApiToken(actor: Actor | typeof COMMAND_LINE | null, input: unknown, db: Db = prisma()) {
  const who = actor === COMMAND_LINE ? null : authorise(actor, "ADMIN");
  const request = parseInput(createTokenSchema, input);
  const token = PREFIX + randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: request.userId ? { id: request.userId } : { email: request.email },
      select: { id: true, email: true, role: true, deactivatedAt: true },
    });
    if (!user) throw new NotFoundError(request.userId ? `user ${request.userId} does not exist` : `no user with the email ${request.email}`);
    if (user.deactivatedAt) throw new InvalidInputError({ userId: [`${user.email} is deactivated; reactivate the account first`] });
    const row = await tx.apiToken.create({
      data: { userId: user.id, name: request.name, tokenHash: hashApiToken(token) },
      select: { id: true, name: true, createdAt: true },
    });
    await recordAccountEvent(tx, { actorId: who?.id ?? null, targetUserId: user.id, kind: "TOKEN_CREATED", before: null, after: { token: row.id, name: row.name } });
    return { ...row, token, email: user.email, role: user.role };
  });
}
