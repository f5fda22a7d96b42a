import "server-only";
import { prisma, type Db } from "@/server/db";

/** The admin page: every user with their role and state, and the latest account history with who did what. */
export async function getAdminAccounts(db: Db = prisma()) {
  const [users, events] = await Promise.all([
    db.user.findMany({ select: { id: true, email: true, name: true, role: true, deactivatedAt: true, createdAt: true }, orderBy: { email: "asc" } }),
    db.accountEvent.findMany({ orderBy: { id: "desc" }, take: 100 }),
  ]);
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return {
    users: users.map((user) => ({ id: user.id, email: user.email, name: user.name, role: user.role, active: user.deactivatedAt === null })),
    history: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      at: event.createdAt.toISOString(),
      by: event.actorId ? (emails.get(event.actorId) ?? "a deleted user") : "the command line",
      target: event.targetUserId ? (emails.get(event.targetUserId) ?? "a deleted user") : "",
      before: event.before as Record<string, unknown> | null,
      after: event.after as Record<string, unknown> | null,
    })),
  };
}

export type AdminAccounts = Awaited<ReturnType<typeof getAdminAccounts>>;
