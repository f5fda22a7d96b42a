import { prisma, type Db } from "@/server/db";
import { mergePledgesSchema } from "@/lib/schemas/curation";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { lockPledges } from "./lock-pledges";
import { updateAtVersion, withConflictDetails } from "./pledge-version";
import { mergedKeys } from "@/server/engine/keys";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { recordCorrections } from "./link-corrections";

/**
 * Folds `other` into `survivor`: every mention and every history entry moves
 * to the survivor, and `other` keeps only a pointer (`mergedIntoId`) so its
 * URL can redirect. Both pledges must be at the versions the analyst saw.
 */
export async function mergePledges(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const merge = parseInput(mergePledgesSchema, input);

  return withConflictDetails(db, () =>
    db.$transaction(async (tx) => {
      const pair = await tx.pledge.findMany({
        where: { id: { in: [merge.survivorId, merge.otherId] } },
        select: { id: true, title: true, version: true, status: true, countryPair: true, linkKeys: true, retrievalKeys: true },
      });
      const survivor = pair.find((pledge) => pledge.id === merge.survivorId);
      const other = pair.find((pledge) => pledge.id === merge.otherId);
      if (!survivor) throw new NotFoundError(`pledge ${merge.survivorId} does not exist`);
      if (!other) throw new NotFoundError(`pledge ${merge.otherId} does not exist`);
      if (survivor.countryPair !== other.countryPair) {
        throw new InvalidInputError({
          otherId: [`pledges between different countries are different pledges (${survivor.countryPair} vs ${other.countryPair})`],
        });
      }

      // The pair's lock and both rows, in id order: no move, review decision or ingestion run of this pair
      // can place a mention on `other` while it is being merged away. A stale version aborts before anything moves.
      await lockPledges(tx, [survivor.id, other.id]);
      const [first, second] =
        merge.survivorId < merge.otherId
          ? [[merge.survivorId, merge.survivorVersion], [merge.otherId, merge.otherVersion]]
          : [[merge.otherId, merge.otherVersion], [merge.survivorId, merge.survivorVersion]];
      const versions = new Map<number, number>();
      versions.set(first[0], await updateAtVersion(tx, first[0], first[1], {}));
      versions.set(second[0], await updateAtVersion(tx, second[0], second[1], {}));

      const moved = await tx.mention.findMany({ where: { pledgeId: other.id }, select: { id: true, linkMethod: true, phrase: true, review: true }, orderBy: { id: "asc" } });
      // What a split needs to put back: the other pledge's history entries, the pledges that pointed at it, the survivor's keys.
      const movedEvents = await tx.pledgeEvent.findMany({ where: { pledgeId: other.id }, select: { id: true }, orderBy: { id: "asc" } });
      const repointed = await tx.pledge.findMany({ where: { mergedIntoId: other.id }, select: { id: true } });
      const survivorBefore = await tx.pledge.findUniqueOrThrow({ where: { id: survivor.id }, select: { mentionCount: true, meetingCount: true } });
      // Placed by an analyst's decision now, so the engine never takes them back to the merged-away pledge.
      await tx.mention.updateMany({
        where: { pledgeId: other.id },
        data: { pledgeId: survivor.id, linkMethod: "ANALYST" },
      });
      const history = await tx.pledgeEvent.updateMany({ where: { pledgeId: other.id }, data: { pledgeId: survivor.id } });
      // Pledges merged into `other` earlier now point straight at the survivor: redirects never chain.
      await tx.pledge.updateMany({ where: { mergedIntoId: other.id }, data: { mergedIntoId: survivor.id } });
      await tx.pledge.update({ where: { id: other.id }, data: { mergedIntoId: survivor.id } });
      await tx.pledge.update({
        where: { id: survivor.id },
        data: mergedKeys(survivor, other),
      });
      await refreshPledgeStats(tx, [survivor.id, other.id]);
      const after = await tx.pledge.findUniqueOrThrow({ where: { id: survivor.id }, select: { mentionCount: true, meetingCount: true } });

      const version = versions.get(survivor.id)!;
      const event = await tx.pledgeEvent.create({
        select: { id: true },
        data: {
          pledgeId: survivor.id,
          kind: "MERGED",
          userId: who.id,
          note: merge.note ?? null,
          data: {
            version,
            mergedId: other.id,
            mergedTitle: other.title,
            mergedStatus: other.status,
            mentionIds: moved.map((mention) => mention.id),
            mentionLinkMethods: Object.fromEntries(moved.map((mention) => [mention.id, mention.linkMethod])),
            eventIds: movedEvents.map((event) => event.id),
            repointedIds: repointed.map((pledge) => pledge.id),
            survivorKeys: { linkKeys: survivor.linkKeys, retrievalKeys: survivor.retrievalKeys },
            before: { mentionCount: survivorBefore.mentionCount, meetingCount: survivorBefore.meetingCount },
            historyEntriesMoved: history.count,
            after,
          },
        },
      });
      // Labelled examples: every live wording of the merged pledge belongs to the survivor.
      const labels = moved
        .filter((mention) => mention.review !== "REJECTED")
        .map((mention) => ({ pledgeId: survivor.id, kind: "MERGE" as const, linked: true, mentionId: mention.id, phrase: mention.phrase }));
      await recordCorrections(tx, survivor.countryPair, labels, event.id, who.id);
      return { survivorId: survivor.id, mergedId: other.id, version, movedMentions: moved.length, movedHistory: history.count };
    }),
  );
}
