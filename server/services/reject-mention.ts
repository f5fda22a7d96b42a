import { prisma, type Db } from "@/server/db";
import { reviewMentionSchema } from "@/lib/schemas/curation";
import { authorise, parseInput, type Actor } from "./actor";
import { lockMention } from "./lock-mention";
import { lockPledges } from "./lock-pledges";
import { bumpVersion } from "./pledge-version";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { recordCorrections } from "./link-corrections";

/**
 * Marks a mention as "not a pledge". The row stays (review = REJECTED) so that
 * re-ingesting the readout does not bring it back; it stops counting.
 */
export async function rejectMention(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const decision = parseInput(reviewMentionSchema, input);

  return db.$transaction(async (tx) => {
    await lockPledges(tx, [decision.pledgeId]);
    const mention = await lockMention(tx, decision.mentionId, decision.pledgeId);
    await tx.mention.update({ where: { id: mention.id }, data: { review: "REJECTED" } });
    await refreshPledgeStats(tx, [decision.pledgeId]);
    const version = await bumpVersion(tx, decision.pledgeId);
    const event = await tx.pledgeEvent.create({
      data: {
        pledgeId: decision.pledgeId,
        kind: "MENTION_REJECTED",
        userId: who.id,
        note: decision.note ?? null,
        data: { version, mentionId: mention.id, previousReview: mention.review, quote: mention.quote },
      },
      select: { id: true },
    });
    // Later readouts of this pair with the same wording are stored already rejected, on this pledge.
    const { countryPair } = await tx.pledge.findUniqueOrThrow({ where: { id: decision.pledgeId }, select: { countryPair: true } });
    await recordCorrections(tx, countryPair, [{ pledgeId: decision.pledgeId, kind: "REJECT", linked: false, mentionId: mention.id, phrase: mention.phrase }], event.id, who.id);
    // The entry's id lets the review queue undo this decision.
    return { mentionId: mention.id, pledgeId: decision.pledgeId, review: "REJECTED" as const, version, eventId: event.id };
  });
}
