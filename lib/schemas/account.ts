import { z } from "zod";

/** The account page's password change; the strength check runs on the server after this. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "give your current password" }).min(1, "give your current password").max(128),
    newPassword: z
      .string({ error: "choose a new password" })
      .min(12, "the password must have at least 12 characters")
      .max(128, "the password must have at most 128 characters"),
    confirmPassword: z.string({ error: "type the new password again" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "the two new passwords differ; type the same one twice" })
  .refine((value) => value.newPassword !== value.currentPassword, { path: ["newPassword"], message: "the new password must differ from the current one" });
