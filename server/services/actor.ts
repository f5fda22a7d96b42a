import type { z } from "zod";
import { hasRole, type RoleName } from "@/lib/schemas/role";
import { ForbiddenError, InvalidInputError, UnauthenticatedError } from "./errors";

/** The signed-in person a service acts for, however they authenticated. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: RoleName;
}

/** The first step of every mutation: refuse before reading the input or the database. */
export function authorise(actor: Actor | null | undefined, minimum: RoleName): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!hasRole(actor.role, minimum)) {
    throw new ForbiddenError(`this needs the ${minimum.toLowerCase()} role; you are signed in as ${actor.role.toLowerCase()}`);
  }
  return actor;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw InvalidInputError.fromZod(result.error);
  return result.data;
}
