import { z } from "zod";
import { roleArgSchema } from "./role";

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("give a valid email address")),
  role: roleArgSchema,
  name: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(200).optional(),
  ),
  password: z
    .string()
    .min(12, "the password must have at least 12 characters")
    .max(128, "the password must have at most 128 characters"),
});

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("give a valid email address")),
  password: z.string().min(1, "give your password").max(128),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
