import type { Db } from "@/server/db";
import type { Actor } from "../actor";
import { lockMention } from "../lock-mention";
import { lockPledges } from "../lock-pledges";
import { bumpVersion } from "../pledge-version";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { lockedEntry, movedOn, numberAt, recordUndo } from "./support";
import { withdrawCorrections } from "../link-corrections";

const AFTER = { MENTION_REJECTED: "REJECTED", LINK_ACCEPTED: "ACCEPTED" } as const;

/**
 * Reverses "not a pledge" or "accept link": the mention's review goes back to what it was. Refused
 * when the mention has left the pledge or its review changed since, so a later decision is never overwritten.
 */
export async function undoReviewDecision(db: Db, who: Actor, eventId: number, pledgeId: number, kind: keyof typeof AFTER) {
  return db.$transaction(async (tx) => {
    await lockPledges(tx, [pledgeId]);
    const entry = await lockedEntry(tx, eventId, kind);
    if (entry.pledgeId !== pledgeId) throw movedOn(`The pledge of this entry changed since (it is now on pledge ${entry.pledgeId}); undo it there.`);
    const mentionId = numberAt(entry.data, "mentionId");
    if (mentionId === null) throw movedOn("This entry does not name its mention.");
    const mention = await lockMention(tx, mentionId, pledgeId);
    if (mention.review !== AFTER[kind]) {
      throw movedOn(`Mention ${mentionId} was reviewed again since (it is now ${mention.review.toLowerCase()}).`);
    }
    const previous = typeof entry.data.previousReview === "string" ? entry.data.previousReview : "UNREVIEWED";
    await tx.mention.update({ where: { id: mentionId }, data: { review: previous as "UNREVIEWED" | "ACCEPTED" | "REJECTED" } });
    await refreshPledgeStats(tx, [pledgeId]);
    // An undone rejection no longer keeps the wording out of later readouts.
    if (kind === "MENTION_REJECTED") await withdrawCorrections(tx, [eventId]);
    const version = await bumpVersion(tx, pledgeId);
    const summary =
      kind === "MENTION_REJECTED"
        ? `Mention ${mentionId} counts again: review back from rejected to ${previous.toLowerCase()}`
        : `Link of mention ${mentionId} no longer confirmed: review back from accepted to ${previous.toLowerCase()}`;
    const undo = await recordUndo(tx, {
      pledgeId,
      undoesId: eventId,
      userId: who.id,
      undoneKind: kind,
      version,
      before: { mentionId, review: mention.review },
      after: { mentionId, review: previous },
      summary,
    });
    return { undoId: undo.id, pledgeIds: [pledgeId], message: `Undone. ${summary}.` };
  });
}
