import { prisma, type Db } from "@/server/db";
import { changePledgeTopicSchema } from "@/lib/schemas/curation";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { updateAtVersion, withConflictDetails } from "./pledge-version";

/** Files a pledge under another topic; `topicByAnalyst` keeps ingestion from refiling it. */
export async function changePledgeTopic(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const change = parseInput(changePledgeTopicSchema, input);

  return withConflictDetails(db, () =>
    db.$transaction(async (tx) => {
      const before = await tx.pledge.findUnique({
        where: { id: change.pledgeId },
        select: { topic: { select: { id: true, slug: true } } },
      });
      if (!before) throw new NotFoundError(`pledge ${change.pledgeId} does not exist`);
      const topic = await tx.topic.findUnique({ where: { id: change.topicId }, select: { id: true, slug: true } });
      if (!topic) throw new InvalidInputError({ topicId: ["no such topic"] });
      const version = await updateAtVersion(tx, change.pledgeId, change.version, { topicId: topic.id, topicByAnalyst: true });
      // The per-topic yearly counts follow the pledge to its new topic.
      await refreshPledgeStats(tx, [change.pledgeId]);
      await tx.pledgeEvent.create({
        data: {
          pledgeId: change.pledgeId,
          kind: "TOPIC_CHANGED",
          userId: who.id,
          data: { version, from: before.topic.slug, to: topic.slug },
        },
      });
      return { id: change.pledgeId, version, topic };
    }),
  );
}
