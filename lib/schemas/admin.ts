import { z } from "zod";
import { roleArgSchema } from "./role";

export const userIdSchema = z.string({ error: "choose a user" }).trim().min(1, "choose a user").max(100);

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleArgSchema });

export const setActiveSchema = z.object({
  userId: userIdSchema,
  active: z.enum(["true", "false"], { error: "say whether the account is active" }).transform((value) => value === "true"),
});
