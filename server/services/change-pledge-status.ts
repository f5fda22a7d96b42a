import { prisma, type Db } from "@/server/db";
import type { PledgeStatus } from "@/server/generated/prisma/client";
import { changeStatusSchema } from "@/lib/schemas/pledge-status";
import { authorise, parseInput, type Actor } from "./actor";
import { NotFoundError } from "./errors";
import { getPledgeRecord } from "@/server/queries/get-pledge-record";
import { updateAtVersion, withConflictDetails } from "./pledge-version";

/**
 * Sets a pledge's status with the analyst's note and evidence. The update only
 * applies at the version the analyst saw; the history row is written in the
 * same transaction, so a status never changes without its record.
 */
export async function changePledgeStatus(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const change = parseInput(changeStatusSchema, input);

  // The answer is read inside the transaction: once it commits nothing else can fail, so a change
  // reported as failed was never saved.
  const record = await withConflictDetails(db, () =>
    db.$transaction(async (tx) => {
      // The row is locked before its status is read, so the history's "from" is the status this change replaces.
      const [before] = await tx.$queryRaw<{ status: string }[]>`
        select status::text as status from "Pledge" where id = ${change.pledgeId} for update`;
      if (!before) throw new NotFoundError(`pledge ${change.pledgeId} does not exist`);
      const now = new Date();
      const version = await updateAtVersion(tx, change.pledgeId, change.version, {
        status: change.status,
        statusChangedAt: now,
      });
      await tx.pledgeEvent.create({
        data: {
          pledgeId: change.pledgeId,
          kind: "STATUS_CHANGED",
          userId: who.id,
          fromStatus: before.status as PledgeStatus,
          toStatus: change.status,
          note: change.note,
          evidenceUrl: change.evidenceUrl ?? null,
          evidenceDate: change.evidenceDate ? new Date(`${change.evidenceDate}T00:00:00Z`) : null,
          data: { version },
          createdAt: now,
        },
      });
      const record = await getPledgeRecord(tx, change.pledgeId);
      if (!record) throw new NotFoundError(`pledge ${change.pledgeId} does not exist`);
      return record;
    }),
  );
  return record;
}
