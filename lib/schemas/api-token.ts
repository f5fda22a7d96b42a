import { z } from "zod";
import { idSchema } from "./common";
import { userIdSchema } from "./admin";

const email = z.string().trim().toLowerCase().pipe(z.email("give a valid email address"));

/** A token for one user, chosen by id (the admin page) or by email (the command line). */
export const createTokenSchema = z
  .object({
    userId: userIdSchema.optional(),
    email: email.optional(),
    name: z.string().trim().min(1, "give the token a name, e.g. what it is for").max(100, "use at most 100 characters").default("api"),
  })
  .refine((value) => (value.userId === undefined) !== (value.email === undefined), { path: ["userId"], message: "choose a user" });

/** Tokens to revoke: one by id, all of one user's by email, or the one whose plain text is given. */
export const revokeTokenSchema = z
  .object({
    id: idSchema.optional(),
    email: email.optional(),
    token: z.string().trim().min(1).optional(),
  })
  .refine((value) => [value.id, value.email, value.token].filter((v) => v !== undefined).length === 1, {
    path: ["id"],
    message: "give exactly one of: a token id, an email (revokes all that user's tokens), or the token itself",
  });
