import { createHash, randomBytes } from "node:crypto";
import { prisma, type Db } from "@/server/db";
import { createTokenSchema } from "@/lib/schemas/user";
import { authorise, parseInput, type Actor } from "./actor";
import { NotFoundError } from "./errors";
import { COMMAND_LINE } from "./create-user";

const PREFIX = "pt_";

/** Only this digest is stored: a leaked database does not leak working tokens. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > PREFIX.length + 20;
}

/** Issues a personal API token; the plain token is returned once and never stored. */
export async function createApiToken(actor: Actor | typeof COMMAND_LINE | null, input: unknown, db: Db = prisma()) {
  if (actor !== COMMAND_LINE) authorise(actor, "ADMIN");
  const request = parseInput(createTokenSchema, input);
  const user = await db.user.findUnique({ where: { email: request.email }, select: { id: true, email: true, role: true } });
  if (!user) throw new NotFoundError(`no user with the email ${request.email}`);
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({
    data: { userId: user.id, name: request.name, tokenHash: hashApiToken(token) },
    select: { id: true, name: true, createdAt: true },
  });
  return { ...row, token, email: user.email, role: user.role };
}
