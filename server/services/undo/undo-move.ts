import type { Db } from "@/server/db";
import type { Actor } from "../actor";
import { lockMention } from "../lock-mention";
import { lockPledges } from "../lock-pledges";
import { bumpVersion } from "../pledge-version";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { lockedEntry, movedOn, numberAt, recordUndo } from "./support";
import { withdrawAliasKeys, withdrawCorrections } from "../link-corrections";

type LinkMethod = "FIRST" | "AUTOMATIC" | "ANALYST";
type Review = "UNREVIEWED" | "ACCEPTED" | "REJECTED";

/**
 * Puts a moved mention back on the pledge it came from, as it was there (link method and review).
 * A move is recorded on both pledges; undoing either entry undoes the move, and both are marked undone.
 * A pledge the move created and that is left empty points back to where the mention came from.
 */
export async function undoMove(db: Db, who: Actor, eventId: number, data: { fromPledgeId: number; toPledgeId: number }) {
  return db.$transaction(async (tx) => {
    const locked = await lockPledges(tx, [data.fromPledgeId, data.toPledgeId]);
    const entry = await lockedEntry(tx, eventId, "MENTION_MOVED");
    const mentionId = numberAt(entry.data, "mentionId");
    const fromId = numberAt(entry.data, "fromPledgeId");
    const toId = numberAt(entry.data, "toPledgeId");
    if (mentionId === null || fromId !== data.fromPledgeId || toId !== data.toPledgeId) throw movedOn("This entry changed since it was shown.");
    const from = locked.get(fromId)!;
    if (from.mergedIntoId !== null) throw movedOn(`Pledge ${fromId} was merged into pledge ${from.mergedIntoId} since; move the mention there instead.`);
    // Refuses when the mention was moved again (or its pledge merged) since: the analyst sees where it is now.
    const mention = await lockMention(tx, mentionId, toId);

    const linkMethod = (entry.data.previousLinkMethod as LinkMethod | undefined) ?? "ANALYST";
    const review = (entry.data.previousReview as Review | undefined) ?? (mention.review as Review);
    await tx.mention.update({ where: { id: mentionId }, data: { pledgeId: fromId, linkMethod, review } });
    const emptied = entry.data.createdPledge === true && (await tx.mention.count({ where: { pledgeId: toId } })) === 0;
    if (emptied) await tx.pledge.update({ where: { id: toId }, data: { mergedIntoId: fromId } });
    await refreshPledgeStats(tx, [fromId, toId]);
    const versions = new Map<number, number>();
    for (const id of [fromId, toId].sort((a, b) => a - b)) versions.set(id, await bumpVersion(tx, id));

    const sibling = await tx.pledgeEvent.findFirst({
      where: {
        kind: "MENTION_MOVED",
        id: { not: eventId },
        pledgeId: entry.pledgeId === fromId ? toId : fromId,
        data: { path: ["mentionId"], equals: mentionId },
        AND: [{ data: { path: ["fromPledgeId"], equals: fromId } }, { data: { path: ["toPledgeId"], equals: toId } }],
      },
      orderBy: { id: "desc" },
      select: { id: true, pledgeId: true },
    });
    const siblingFree = sibling && !(await tx.pledgeEvent.findUnique({ where: { undoesId: sibling.id }, select: { id: true } }));
    // The move taught nothing after all: its labelled wording and the alias keys go.
    await withdrawCorrections(tx, sibling ? [eventId, sibling.id] : [eventId]);
    if (!emptied) await withdrawAliasKeys(tx, toId, entry.data.aliasAdded);
    const summary = `Mention ${mentionId} moved back from pledge ${toId} to pledge ${fromId}${emptied ? `; pledge ${toId}, left empty, now points to pledge ${fromId}` : ""}`;
    const before = { mentionId, pledgeId: toId, linkMethod: mention.linkMethod, review: mention.review };
    const after = { mentionId, pledgeId: fromId, linkMethod, review };
    for (const pledgeId of [fromId, toId]) {
      const undoes = pledgeId === entry.pledgeId ? eventId : siblingFree && pledgeId === sibling.pledgeId ? sibling.id : null;
      await recordUndo(tx, { pledgeId, undoesId: undoes, userId: who.id, undoneKind: "MENTION_MOVED", version: versions.get(pledgeId)!, before, after, summary });
    }
    return { pledgeIds: [fromId, toId], message: `Undone. ${summary}.` };
  });
}
