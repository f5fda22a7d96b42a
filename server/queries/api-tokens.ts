import "server-only";
import { prisma, type Db } from "@/server/db";

/** API tokens, newest first: every user's for the admin page, or one user's for their account page. Never the hash. */
export async function listApiTokens(options: { userId?: string } = {}, db: Db = prisma()) {
  const rows = await db.apiToken.findMany({
    where: options.userId ? { userId: options.userId } : {},
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true } } },
    orderBy: { id: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    owner: row.user.email,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
