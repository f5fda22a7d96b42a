import { z } from "zod";

export const ROLES = ["VIEWER", "ANALYST", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: "choose viewer, analyst or admin" });

/** Accepts the lower-case spelling the command line uses as well as the enum value. */
export const roleArgSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(roleSchema);

const RANK: Record<RoleName, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };

/** Roles are ordered: an admin may do what an analyst may, an analyst what a viewer may. */
export function hasRole(role: string | null | undefined, minimum: RoleName): boolean {
  if (!role || !(role in RANK)) return false;
  return RANK[role as RoleName] >= RANK[minimum];
}

export function roleLabel(role: string): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}
