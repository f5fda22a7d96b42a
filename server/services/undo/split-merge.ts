import type { Db } from "@/server/db";
import type { Actor } from "../actor";
import { lockPledges } from "../lock-pledges";
import { bumpVersion } from "../pledge-version";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { lockedEntry, movedOn, numberAt, recordUndo } from "./support";
import { withdrawCorrections } from "../link-corrections";

type LinkMethod = "FIRST" | "AUTOMATIC" | "ANALYST";

const ids = (value: unknown): number[] => (Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : []);

/**
 * Splits a merged pledge back out of its survivor: its mentions (with their link methods), its history
 * entries and the pledges that pointed to it go back, and the survivor gets its keys back. Refused when
 * any of those mentions has since left the survivor, or either pledge was merged again.
 */
export async function splitMerge(db: Db, who: Actor, eventId: number, data: { survivorId: number; mergedId: number }) {
  return db.$transaction(async (tx) => {
    const locked = await lockPledges(tx, [data.survivorId, data.mergedId]);
    const entry = await lockedEntry(tx, eventId, "MERGED");
    const survivorId = entry.pledgeId;
    const mergedId = numberAt(entry.data, "mergedId");
    if (survivorId !== data.survivorId || mergedId !== data.mergedId) throw movedOn("This entry changed since it was shown.");
    const survivor = locked.get(survivorId)!;
    const merged = locked.get(mergedId)!;
    if (survivor.mergedIntoId !== null) throw movedOn(`Pledge ${survivorId} was itself merged into pledge ${survivor.mergedIntoId} since; split that merge first.`);
    if (merged.mergedIntoId !== survivorId) throw movedOn(`Pledge ${mergedId} no longer points to pledge ${survivorId}.`);
    if (!Array.isArray(entry.data.eventIds)) throw movedOn("This merge was recorded before splits were possible, so its history cannot be told apart.");

    const mentionIds = ids(entry.data.mentionIds);
    // Mention rows last, in id order, as every curation takes them.
    const rows = await tx.$queryRaw<{ id: number; pledgeId: number }[]>`
      select id, "pledgeId" from "Mention" where id = any(${mentionIds}::int[]) order by id for update`;
    const gone = rows.filter((row) => row.pledgeId !== survivorId).map((row) => `mention ${row.id} is now on pledge ${row.pledgeId}`);
    if (gone.length > 0) throw movedOn(`Some of the merged mentions were moved since (${gone.join(", ")}).`);

    const methods = (entry.data.mentionLinkMethods ?? {}) as Record<string, LinkMethod>;
    for (const row of rows) {
      await tx.mention.update({ where: { id: row.id }, data: { pledgeId: mergedId, linkMethod: methods[String(row.id)] ?? "ANALYST" } });
    }
    await tx.pledgeEvent.updateMany({ where: { id: { in: ids(entry.data.eventIds) }, pledgeId: survivorId }, data: { pledgeId: mergedId } });
    await tx.pledge.updateMany({ where: { id: { in: ids(entry.data.repointedIds) }, mergedIntoId: survivorId }, data: { mergedIntoId: mergedId } });
    await tx.pledge.update({ where: { id: mergedId }, data: { mergedIntoId: null } });
    const keys = entry.data.survivorKeys as { linkKeys?: string[]; retrievalKeys?: string[] } | undefined;
    if (keys?.linkKeys && keys.retrievalKeys) {
      await tx.pledge.update({ where: { id: survivorId }, data: { linkKeys: keys.linkKeys, retrievalKeys: keys.retrievalKeys } });
    }
    await withdrawCorrections(tx, [eventId]);
    const before = await tx.pledge.findUniqueOrThrow({ where: { id: survivorId }, select: { mentionCount: true, meetingCount: true } });
    await refreshPledgeStats(tx, [survivorId, mergedId]);
    const after = await tx.pledge.findUniqueOrThrow({ where: { id: survivorId }, select: { mentionCount: true, meetingCount: true } });
    const versions = new Map<number, number>();
    for (const id of [survivorId, mergedId].sort((a, b) => a - b)) versions.set(id, await bumpVersion(tx, id));

    const summary = `Pledge ${mergedId} split back out of pledge ${survivorId} with ${rows.length} mentions and its history`;
    for (const pledgeId of [survivorId, mergedId]) {
      await recordUndo(tx, {
        pledgeId,
        undoesId: pledgeId === survivorId ? eventId : null,
        userId: who.id,
        undoneKind: "MERGED",
        version: versions.get(pledgeId)!,
        before: { survivorId, mergedId, mergedIntoId: survivorId, ...before },
        after: { survivorId, mergedId, mergedIntoId: null, ...after },
        summary,
      });
    }
    return { pledgeIds: [survivorId, mergedId], message: `Undone. ${summary}.` };
  });
}
