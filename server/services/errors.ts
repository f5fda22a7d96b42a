import { databaseFailure, failureMessage } from "@/server/runtime/db-errors";
import type { z } from "zod";
import type { ConflictState, FieldErrors } from "@/lib/schemas/common";

/** A refusal a caller can show as it is; `status` is the HTTP status the JSON API answers with. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export class UnauthenticatedError extends ServiceError {
  constructor(message = "sign in first") {
    super(message, 401, "unauthenticated");
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message = "your role does not allow this") {
    super(message, 403, "forbidden");
  }
}

export class InvalidInputError extends ServiceError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "some fields are not valid",
  ) {
    super(message, 400, "invalid_input");
  }

  static fromZod(error: z.ZodError): InvalidInputError {
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.length > 0 ? issue.path.join(".") : "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return new InvalidInputError(fieldErrors);
  }
}

export class NotFoundError extends ServiceError {
  constructor(message: string) {
    super(message, 404, "not_found");
  }
}

export type { ConflictState } from "@/lib/schemas/common";

export class ConflictError extends ServiceError {
  constructor(
    message: string,
    readonly current: ConflictState,
  ) {
    super(message, 409, "conflict");
  }
}

/** The JSON body of a refusal; unexpected errors never reveal their details. */
export function errorBody(error: unknown): { status: number; body: Record<string, unknown>; retryAfter?: number } {
  if (error instanceof InvalidInputError) {
    return { status: 400, body: { error: error.code, message: error.message, fieldErrors: error.fieldErrors } };
  }
  if (error instanceof ConflictError) {
    return { status: 409, body: { error: error.code, message: error.message, current: error.current } };
  }
  if (error instanceof ServiceError) {
    return { status: error.status, body: { error: error.code, message: error.message } };
  }
  console.error(error);
  const failure = databaseFailure(error);
  if (failure) {
    // 503 either way: the service is not able to take changes now. "lost" says the outcome is unknown.
    return { status: 503, body: { error: failure === "lost" ? "outcome_unknown" : "unavailable", message: failureMessage(error) }, retryAfter: 5 };
  }
  return { status: 500, body: { error: "internal", message: failureMessage(error) } };
}

export function errorResponse(error: unknown): Response {
  const { status, body, retryAfter } = errorBody(error);
  return Response.json(body, { status, headers: retryAfter ? { "Retry-After": String(retryAfter) } : undefined });
}
