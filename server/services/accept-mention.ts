import { prisma, type Db } from "@/server/db";
import { reviewMentionSchema } from "@/lib/schemas/curation";
import { authorise, parseInput, type Actor } from "./actor";
import { lockMention } from "./lock-mention";
import { lockPledges } from "./lock-pledges";
import { bumpVersion } from "./pledge-version";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";

/** Confirms the engine's link of a mention to its pledge; a rejected mention accepted again counts again. */
export async function acceptMention(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const decision = parseInput(reviewMentionSchema, input);

  return db.$transaction(async (tx) => {
    await lockPledges(tx, [decision.pledgeId]);
    const mention = await lockMention(tx, decision.mentionId, decision.pledgeId);
    await tx.mention.update({ where: { id: mention.id }, data: { review: "ACCEPTED" } });
    await refreshPledgeStats(tx, [decision.pledgeId]);
    const version = await bumpVersion(tx, decision.pledgeId);
    const event = await tx.pledgeEvent.create({
      data: {
        pledgeId: decision.pledgeId,
        kind: "LINK_ACCEPTED",
        userId: who.id,
        note: decision.note ?? null,
        data: { version, mentionId: mention.id, previousReview: mention.review },
      },
      select: { id: true },
    });
    // The entry's id lets the review queue undo this decision.
    return { mentionId: mention.id, pledgeId: decision.pledgeId, review: "ACCEPTED" as const, version, eventId: event.id };
  });
}
