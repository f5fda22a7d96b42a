import { prisma, type Db } from "@/server/db";
import { moveMentionSchema } from "@/lib/schemas/curation";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError } from "./errors";
import { lockMention } from "./lock-mention";
import { lockPledges } from "./lock-pledges";
import { bumpVersion } from "./pledge-version";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { analystPledgeKeys } from "@/server/engine/keys";
import { linkKeysOf } from "@/server/engine/normalise";
import { aliasKeys, recordCorrections } from "./link-corrections";

/**
 * Moves one mention to another pledge, or to a new pledge the analyst names.
 * The mention becomes `linkMethod = ANALYST`: the engine never moves it again.
 */
export async function moveMention(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const move = parseInput(moveMentionSchema, input);

  return db.$transaction(async (tx) => {
    // Both pledges before the mention, in the order every curation and ingestion takes them: the
    // target cannot be merged away between the check below and the move.
    const locked = await lockPledges(tx, move.toPledgeId === undefined ? [move.pledgeId] : [move.pledgeId, move.toPledgeId]);
    const mention = await lockMention(tx, move.mentionId, move.pledgeId);
    const from = await tx.pledge.findUniqueOrThrow({
      where: { id: move.pledgeId },
      select: { id: true, title: true, topicId: true, actors: true, giver: true, receiver: true, countryPair: true },
    });

    let toId: number;
    let created = false;
    let aliasAdded: { linkKeys: string[]; retrievalKeys: string[] } | null = null;
    if (move.toPledgeId !== undefined) {
      const to = locked.get(move.toPledgeId)!;
      if (to.mergedIntoId !== null) {
        throw new InvalidInputError({ toPledgeId: [`pledge ${to.id} was merged into pledge ${to.mergedIntoId}; move the mention there`] });
      }
      if (to.countryPair !== from.countryPair) {
        throw new InvalidInputError({ toPledgeId: [`pledge ${to.id} is between other countries (${to.countryPair})`] });
      }
      toId = to.id;
      // The moved wording becomes an alias of the target: a later readout with it finds the target.
      const target = await tx.pledge.findUniqueOrThrow({ where: { id: to.id }, select: { linkKeys: true, retrievalKeys: true } });
      const alias = aliasKeys(target, mention.phrase, from.countryPair);
      if (alias.added.linkKeys.length > 0 || alias.added.retrievalKeys.length > 0) {
        await tx.pledge.update({ where: { id: to.id }, data: alias.keys });
        aliasAdded = alias.added;
      }
    } else {
      const title = move.newTitle!;
      const pledge = await tx.pledge.create({
        data: {
          title,
          titleByAnalyst: true,
          topicId: from.topicId,
          actors: from.actors,
          giver: from.giver,
          receiver: from.receiver,
          countryPair: from.countryPair,
          ...analystPledgeKeys(title, { phrase: mention.phrase, countryPair: from.countryPair, linkKeys: linkKeysOf(mention.phrase) }),
        },
        select: { id: true, version: true },
      });
      await tx.pledgeEvent.create({
        data: {
          pledgeId: pledge.id,
          kind: "CREATED",
          userId: who.id,
          note: move.note ?? null,
          data: { version: pledge.version, title, splitFromPledgeId: from.id, mentionId: mention.id },
        },
      });
      toId = pledge.id;
      created = true;
    }

    await tx.mention.update({
      where: { id: mention.id },
      data: { pledgeId: toId, linkMethod: "ANALYST", review: "ACCEPTED" },
    });
    await refreshPledgeStats(tx, [from.id, toId]);
    // Bumped in id order so two opposite moves cannot deadlock.
    const bumped = new Map<number, number>();
    for (const id of [from.id, toId].sort((a, b) => a - b)) {
      bumped.set(id, created && id === toId ? 1 : await bumpVersion(tx, id));
    }
    const fromVersion = bumped.get(from.id)!;
    const toVersion = bumped.get(toId)!;
    // Before and after, so the history can say what moved where and an undo can put it back.
    const data = {
      mentionId: mention.id,
      fromPledgeId: from.id,
      fromTitle: from.title,
      toPledgeId: toId,
      toTitle: created ? move.newTitle! : (await tx.pledge.findUniqueOrThrow({ where: { id: toId }, select: { title: true } })).title,
      createdPledge: created,
      previousReview: mention.review,
      previousLinkMethod: mention.linkMethod,
      quote: mention.quote,
      // The keys the alias added to the target, which an undo takes off again.
      aliasAdded,
    };
    const events = await tx.pledgeEvent.createManyAndReturn({
      data: [
        { pledgeId: from.id, kind: "MENTION_MOVED", userId: who.id, note: move.note ?? null, data: { ...data, version: fromVersion } },
        { pledgeId: toId, kind: "MENTION_MOVED", userId: who.id, note: move.note ?? null, data: { ...data, version: toVersion } },
      ],
      select: { id: true },
    });
    // The labelled example: this wording belongs to the target, and not to the pledge it left.
    await recordCorrections(
      tx,
      from.countryPair,
      [
        { pledgeId: toId, kind: "MOVE", linked: true, mentionId: mention.id, phrase: mention.phrase },
        { pledgeId: from.id, kind: "MOVE", linked: false, mentionId: mention.id, phrase: mention.phrase },
      ],
      events[0].id,
      who.id,
    );
    return { mentionId: mention.id, fromPledgeId: from.id, toPledgeId: toId, createdPledge: created, eventId: events[0].id };
  });
}
