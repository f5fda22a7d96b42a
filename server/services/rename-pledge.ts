import { prisma, type Db } from "@/server/db";
import { renamePledgeSchema } from "@/lib/schemas/curation";
import { authorise, parseInput, type Actor } from "./actor";
import { NotFoundError } from "./errors";
import { updateAtVersion, withConflictDetails } from "./pledge-version";

/** Gives a pledge the analyst's title; `titleByAnalyst` keeps ingestion from renaming it later. */
export async function renamePledge(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const change = parseInput(renamePledgeSchema, input);

  return withConflictDetails(db, () =>
    db.$transaction(async (tx) => {
      const before = await tx.pledge.findUnique({ where: { id: change.pledgeId }, select: { title: true } });
      if (!before) throw new NotFoundError(`pledge ${change.pledgeId} does not exist`);
      const version = await updateAtVersion(tx, change.pledgeId, change.version, { title: change.title, titleByAnalyst: true });
      await tx.pledgeEvent.create({
        data: {
          pledgeId: change.pledgeId,
          kind: "RENAMED",
          userId: who.id,
          data: { version, from: before.title, to: change.title },
        },
      });
      return { id: change.pledgeId, version, title: change.title };
    }),
  );
}
