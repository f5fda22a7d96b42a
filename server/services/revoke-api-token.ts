import { z } from "zod";
import { prisma, type Db } from "@/server/db";
import { idSchema } from "@/lib/schemas/common";
import { authorise, parseInput, type Actor } from "./actor";
import { COMMAND_LINE } from "./create-user";
import { hashApiToken } from "./create-api-token";

const revokeSchema = z
  .object({
    id: idSchema.optional(),
    email: z.string().trim().toLowerCase().pipe(z.email("give a valid email address")).optional(),
    token: z.string().trim().min(1).optional(),
  })
  .refine((value) => [value.id, value.email, value.token].filter((v) => v !== undefined).length === 1, {
    path: ["id"],
    message: "give exactly one of: a token id, an email (revokes all that user's tokens), or the token itself",
  });

/** Revokes tokens by id, by owner or by the token itself; the rows stay as a record of who had access. */
export async function revokeApiToken(actor: Actor | typeof COMMAND_LINE | null, input: unknown, db: Db = prisma()) {
  if (actor !== COMMAND_LINE) authorise(actor, "ADMIN");
  const target = parseInput(revokeSchema, input);
  const where = target.id
    ? { id: target.id }
    : target.email
      ? { user: { email: target.email } }
      : { tokenHash: hashApiToken(target.token!) };
  const result = await db.apiToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  return { revoked: result.count };
}
