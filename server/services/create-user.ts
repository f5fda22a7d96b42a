import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { prisma, type Db } from "@/server/db";
import { createUserSchema } from "@/lib/schemas/user";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError } from "./errors";
import { passwordProblem } from "./password-policy";
import { recordAccountEvent } from "./account-event";

/** Whoever runs a command-line script already holds the database: they act as an admin. */
export const COMMAND_LINE = "command-line" as const;

/**
 * Creates a user who signs in with email and password. Public sign-up is off
 * in the web app, so accounts exist only through this function. The password
 * is hashed with the auth library's own hasher (scrypt), so sign-in verifies it
 * exactly as if the library had created the account.
 */
export async function createUser(actor: Actor | typeof COMMAND_LINE | null, input: unknown, db: Db = prisma()) {
  const who = actor === COMMAND_LINE ? null : authorise(actor, "ADMIN");
  const user = parseInput(createUserSchema, input);
  const weak = passwordProblem(user.password, [user.email, user.name ?? ""]);
  if (weak) throw new InvalidInputError({ password: [weak] });
  const hash = await hashPassword(user.password);
  const id = randomUUID();

  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { id, email: user.email, name: user.name ?? user.email.split("@")[0], role: user.role, emailVerified: true },
        select: { id: true, email: true, name: true, role: true },
      });
      await tx.account.create({
        data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
      });
      await recordAccountEvent(tx, { actorId: who?.id ?? null, targetUserId: id, kind: "USER_CREATED", before: null, after: { email: created.email, role: created.role } });
      return created;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new InvalidInputError({ email: [`a user with the email ${user.email} already exists`] });
    }
    throw error;
  }
}
