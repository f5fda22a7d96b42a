import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { cache } from "react";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "@/server/db";
import { authSecretFile } from "@/server/runtime/auth-secret-file";
import { hasRole, roleSchema, type RoleName } from "@/lib/schemas/role";
import type { Actor } from "@/server/services/actor";
import { ForbiddenError, UnauthenticatedError } from "@/server/services/errors";
import { hashApiToken } from "@/server/services/create-api-token";
import { passwordProblem } from "@/server/services/password-policy";
import { recordPasswordChange } from "@/server/services/record-password-change";
import { withHashedSessionTokens } from "@/server/session-tokens";
import { accountWait, clearFailures, recordFailure } from "@/server/account-throttle";

export type { Actor } from "@/server/services/actor";

/** Where the app is reached; cookies, redirects and the trusted origins follow from it. */
export function publicUrl(): string {
  const explicit = process.env.BETTER_AUTH_URL?.trim() || process.env.PUBLIC_URL?.trim();
  if (explicit) return new URL(explicit).origin;
  return `http://localhost:${process.env.PORT || 3000}`;
}

function configuredOrigins(): string[] {
  const port = process.env.PORT || "3000";
  const extra = (process.env.TRUSTED_ORIGINS ?? "").split(",").map((origin) => origin.trim()).filter(Boolean);
  return [...new Set([publicUrl(), `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra])];
}

/** The origin a request was addressed to, from its Host header (which a cross-site page cannot forge). */
export function requestOrigin(request: Request): string | null {
  const host = request.headers.get("host");
  if (!host) return null;
  const proto = request.headers.get("x-forwarded-proto") === "https" || request.url.startsWith("https:") ? "https" : "http";
  return `${proto}://${host}`;
}

/**
 * BETTER_AUTH_SECRET signs the session cookies. Without it, a random secret is
 * made once and kept in the data folder, so sessions survive restarts and no
 * shared constant ever signs a cookie. Several app instances must share it:
 * set BETTER_AUTH_SECRET for them.
 */
function resolveSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters (try `openssl rand -base64 32`).");
    return fromEnv;
  }
  const file = authSecretFile();
  const dataDir = path.dirname(file);
  const read = () => {
    const stored = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
    return stored.length >= 32 ? stored : null;
  };
  const existing = read();
  if (existing) return existing;
  // The folder also holds the embedded database, whose server may run as another user: it must be
  // able to enter it. The secret itself is readable by its owner alone.
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const created = read();
  if (!created) throw new Error(`could not read the session secret from ${file}; set BETTER_AUTH_SECRET instead.`);
  return created;
}

function signInLimit(): { window: number; max: number } {
  const max = Number(process.env.SIGN_IN_MAX_ATTEMPTS ?? 5);
  const window = Number(process.env.SIGN_IN_WINDOW_SECONDS ?? 60);
  return {
    max: Number.isInteger(max) && max > 0 ? max : 5,
    window: Number.isInteger(window) && window > 0 ? window : 60,
  };
}

function createAuth() {
  return betterAuth({
    appName: "Pledge Tracker",
    baseURL: publicUrl(),
    secret: resolveSecret(),
    trustedOrigins: (request) => {
      const own = request ? requestOrigin(request) : null;
      return own ? [...configuredOrigins(), own] : configuredOrigins();
    },
    database: prismaAdapter(withHashedSessionTokens(prisma()), { provider: "postgresql", transaction: true }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: ["VIEWER", "ANALYST", "ADMIN"], required: false, input: false, defaultValue: "VIEWER" },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      // On in every environment: the limit is part of what the tests verify.
      enabled: true,
      // Kept in PostgreSQL so several app instances count the same attempts.
      storage: "database",
      window: 60,
      max: 120,
      customRules: { "/sign-in/email": signInLimit() },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email" && typeof ctx.body?.email === "string") {
          const account = await prisma().user.findUnique({ where: { email: ctx.body.email.trim().toLowerCase() }, select: { deactivatedAt: true } });
          if (account?.deactivatedAt) throw new APIError("FORBIDDEN", { message: "this account is deactivated; ask an admin" });
          const wait = await accountWait(prisma(), ctx.body.email);
          if (wait > 0) {
            throw new APIError(
              "TOO_MANY_REQUESTS",
              { message: `too many failed sign-ins for this account; try again in ${wait} seconds` },
              { "X-Retry-After": String(wait), "Retry-After": String(wait) },
            );
          }
        }
        if (ctx.path === "/change-password" && typeof ctx.body?.newPassword === "string") {
          const weak = passwordProblem(ctx.body.newPassword);
          if (weak) throw new APIError("BAD_REQUEST", { message: weak, code: "WEAK_PASSWORD" });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        if (ctx.path === "/change-password" && returned && !(returned instanceof APIError) && !(returned instanceof Response)) {
          // Written once the library's own transaction has committed: only a change that happened is recorded.
          const userId = (returned as { user?: { id?: unknown } }).user?.id;
          if (typeof userId === "string") await recordPasswordChange(userId);
          return;
        }
        if (ctx.path !== "/sign-in/email" || typeof ctx.body?.email !== "string") return;
        if (returned instanceof APIError) {
          if (returned.statusCode === 401) await recordFailure(prisma(), ctx.body.email);
        } else if (returned) {
          await clearFailures(prisma(), ctx.body.email);
        }
      }),
    },
    advanced: {
      // The client address is the one the app's own server puts in X-Forwarded-For (the peer, or
      // the address a configured trusted proxy reported); a client cannot choose it.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      useSecureCookies: publicUrl().startsWith("https://"),
      // Explicit, because the library skips both checks when it detects a test run; the tests verify them.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { pledgeAuth?: Auth };

/** Created on first use: building the app must not need a database or a secret. */
export function getAuth(): Auth {
  globalForAuth.pledgeAuth ??= createAuth();
  return globalForAuth.pledgeAuth;
}

function toActor(user: { id: string; email: string; name: string; role?: unknown }): Actor | null {
  const role = roleSchema.safeParse(user.role);
  return role.success ? { id: user.id, email: user.email, name: user.name, role: role.data } : null;
}

async function sessionActor(headers: Headers): Promise<Actor | null> {
  const session = await getAuth().api.getSession({ headers });
  return session ? toActor(session.user) : null;
}

/** The signed-in user of the current page or server action, or null. */
export const getSession = cache(async (): Promise<Actor | null> => {
  const { headers } = await import("next/headers");
  return sessionActor(await headers());
});

/** For pages and server actions: the user, if their role is at least `minimum`; throws otherwise. */
export async function requireRole(minimum: RoleName): Promise<Actor> {
  const actor = await getSession();
  if (!actor) throw new UnauthenticatedError();
  if (!hasRole(actor.role, minimum)) throw new ForbiddenError();
  return actor;
}

/** READ_ACCESS=signed-in makes every page and read API need an account; the default is public reading. */
export function readNeedsSignIn(): boolean {
  return (process.env.READ_ACCESS ?? "public").trim().toLowerCase() === "signed-in";
}

export interface RequestIdentity {
  actor: Actor | null;
  via: "token" | "cookie" | null;
  /** Set when the request offered credentials that are not valid: answer 401 rather than fall back. */
  rejected?: string;
}

/** Resolves an API request's user from `Authorization: Bearer <token>` or, failing that, the session cookie. */
export async function identifyRequest(request: Request): Promise<RequestIdentity> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { actor: null, via: "token", rejected: "the Authorization header must be `Bearer <token>`" };
    const row = await prisma().apiToken.findUnique({
      where: { tokenHash: hashApiToken(match[1]) },
      select: { id: true, revokedAt: true, user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true } } },
    });
    if (!row || row.revokedAt || row.user.deactivatedAt) return { actor: null, via: "token", rejected: "the API token is not valid or was revoked" };
    await prisma().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    return { actor: toActor(row.user), via: "token" };
  }
  const actor = await sessionActor(request.headers);
  return { actor, via: actor ? "cookie" : null };
}

/**
 * Cookies ride along on cross-site requests; bearer tokens do not. A
 * cookie-authenticated mutation must therefore come from our own pages:
 * its Origin (or, without one, Sec-Fetch-Site) must match the host it was sent to.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) {
    const own = requestOrigin(request);
    return origin === own || configuredOrigins().includes(origin);
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}

/** Authentication for an API mutation: the actor, or the refusal to answer with. */
export async function authenticateMutation(request: Request): Promise<Actor> {
  const identity = await identifyRequest(request);
  if (identity.rejected) throw new UnauthenticatedError(identity.rejected);
  if (identity.via === "cookie" && !isSameOriginRequest(request)) {
    throw new ForbiddenError("cross-site request refused: send it from the app's own pages or with an API token");
  }
  if (!identity.actor) throw new UnauthenticatedError("sign in or send `Authorization: Bearer <token>`");
  return identity.actor;
}

/** Authentication for an API read: nobody needs it unless READ_ACCESS=signed-in. */
export async function authenticateRead(request: Request): Promise<Actor | null> {
  const identity = await identifyRequest(request);
  if (identity.rejected) throw new UnauthenticatedError(identity.rejected);
  if (!identity.actor && readNeedsSignIn()) throw new UnauthenticatedError("reading needs an account here: sign in or send an API token");
  return identity.actor;
}
