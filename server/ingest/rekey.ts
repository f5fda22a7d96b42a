import type { Db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { parseReadout } from "@/server/engine/parse-readout";
import { extractMentions } from "@/server/engine/extract-mentions";
import { mentionKeys, withMention, type PledgeKeys } from "@/server/engine/keys";

export interface RekeySummary {
  meetings: number;
  mentions: number;
  /** Stored mentions the current extractor no longer finds at their place; their pledges keep the keys they have. */
  unmatched: number;
  pledges: number;
  changed: number;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/**
 * Recomputes every pledge's link keys and retrieval keys from its mentions with the engine as it
 * is now: each stored readout is read again in meeting order, its mentions extracted, and each
 * stored mention's keys go to the pledge it belongs to (after any analyst's merge or move). Links
 * are not changed. Pledges whose keys are already right are not rewritten. Run it after a change
 * to the key rules, with no ingestion running.
 */
export async function rekeyPledges(db: Db, options: { batch?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<RekeySummary> {
  const batch = options.batch ?? 200;
  const total = await db.meeting.count();
  const keys = new Map<number, PledgeKeys>();
  const keep = new Set<number>();
  const summary: RekeySummary = { meetings: 0, mentions: 0, unmatched: 0, pledges: 0, changed: 0 };
  let cursor: { meetingDate: Date; id: number } | null = null;
  for (;;) {
    const meetings: { id: number; meetingDate: Date; text: string; mentions: { pledgeId: number; phraseStart: number; phraseEnd: number }[] }[] =
      await db.meeting.findMany({
        where: cursor ? { OR: [{ meetingDate: { gt: cursor.meetingDate } }, { meetingDate: cursor.meetingDate, id: { gt: cursor.id } }] } : {},
        orderBy: [{ meetingDate: "asc" }, { id: "asc" }],
        take: batch,
        select: { id: true, meetingDate: true, text: true, mentions: { select: { pledgeId: true, phraseStart: true, phraseEnd: true }, orderBy: { phraseStart: "asc" } } },
      });
    if (meetings.length === 0) break;
    for (const meeting of meetings) {
      const parsed = parseReadout(meeting.text, { meetingDate: meeting.meetingDate.toISOString().slice(0, 10) });
      const extracted = new Map(extractMentions(meeting.text, parsed).map((m) => [`${m.phraseStart}:${m.phraseEnd}`, m]));
      for (const stored of meeting.mentions) {
        summary.mentions++;
        const m = extracted.get(`${stored.phraseStart}:${stored.phraseEnd}`);
        if (!m) {
          // Its keys cannot be recomputed; dropping them could hide the pledge from later readouts.
          summary.unmatched++;
          keep.add(stored.pledgeId);
          continue;
        }
        keys.set(stored.pledgeId, withMention(keys.get(stored.pledgeId) ?? { linkKeys: [], retrievalKeys: [] }, mentionKeys(m)));
      }
      summary.meetings++;
    }
    cursor = meetings[meetings.length - 1];
    options.onProgress?.(summary.meetings, total);
  }

  // Only the rows whose keys differ are written, in one transaction, so a failure changes nothing.
  const ids = [...keys.keys()].filter((id) => !keep.has(id));
  summary.pledges = ids.length;
  const updates: { id: number; link: string[]; retrieval: string[] }[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const current = await db.pledge.findMany({ where: { id: { in: ids.slice(i, i + 5000) } }, select: { id: true, linkKeys: true, retrievalKeys: true } });
    for (const p of current) {
      const { linkKeys, retrievalKeys } = keys.get(p.id)!;
      if (!sameSet(p.linkKeys, linkKeys) || !sameSet(p.retrievalKeys, retrievalKeys)) updates.push({ id: p.id, link: linkKeys, retrieval: retrievalKeys });
    }
  }
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < updates.length; i += 1000) {
        await tx.$executeRaw(Prisma.sql`
          update "Pledge" p set "linkKeys" = u.link, "retrievalKeys" = u.retrieval
            from jsonb_to_recordset(${JSON.stringify(updates.slice(i, i + 1000))}::jsonb) as u(id int, link text[], retrieval text[])
           where p.id = u.id`);
      }
    },
    { timeout: 600_000 },
  );
  summary.changed = updates.length;
  return summary;
}
