import type { Prisma } from "@/server/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "accountEvent">;

export type AccountEventKind =
  | "USER_CREATED"
  | "ROLE_CHANGED"
  | "USER_DEACTIVATED"
  | "USER_REACTIVATED"
  | "TOKEN_CREATED"
  | "TOKEN_REVOKED"
  | "PASSWORD_CHANGED";

/** The account history row, written inside the transaction of the change it records. */
export async function recordAccountEvent(
  tx: Tx,
  event: { actorId: string | null; targetUserId: string; kind: AccountEventKind; before: Prisma.InputJsonValue | null; after: Prisma.InputJsonValue },
) {
  await tx.accountEvent.create({
    data: { actorId: event.actorId, targetUserId: event.targetUserId, kind: event.kind, before: event.before ?? undefined, after: event.after },
  });
}
