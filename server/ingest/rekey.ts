import type { Db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { parseReadout } from "./parse-readout";
import { extractMentions } from "./extract-mentions";
import { retrievalKeySets } from "./link";
import { MAX_LINK_KEYS, MAX_RETRIEVAL_KEYS } from "./ingest-readout";

export interface RekeySummary {
  meetings: number;
  mentions: number;
  /** Stored mentions the current extractor no longer finds at their place; their pledges keep the keys they have. */
  unmatched: number;
  pledges: number;
  changed: number;
}

/** Adds keys in first-seen order up to a cap, as ingestion does. */
class KeyList {
  readonly keys = new Set<string>();
  constructor(private readonly cap: number) {}
  add(keys: Iterable<string>) {
    for (const k of keys) if (this.keys.size < this.cap) this.keys.add(k);
  }
}

const sameSet = (a: string[], b: Set<string>) => a.length === b.size && a.every((k) => b.has(k));

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
  const link = new Map<number, KeyList>();
  const retrieval = new Map<number, KeyList>();
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
        if (!link.has(stored.pledgeId)) {
          link.set(stored.pledgeId, new KeyList(MAX_LINK_KEYS));
          retrieval.set(stored.pledgeId, new KeyList(MAX_RETRIEVAL_KEYS));
        }
        link.get(stored.pledgeId)!.add(m.linkKeys);
        retrieval.get(stored.pledgeId)!.add(retrievalKeySets(m).file);
      }
      summary.meetings++;
    }
    cursor = meetings[meetings.length - 1];
    options.onProgress?.(summary.meetings, total);
  }

  // Only the rows whose keys differ are written, in one transaction, so a failure changes nothing.
  const ids = [...link.keys()].filter((id) => !keep.has(id));
  summary.pledges = ids.length;
  const updates: { id: number; link: string[]; retrieval: string[] }[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const current = await db.pledge.findMany({ where: { id: { in: ids.slice(i, i + 5000) } }, select: { id: true, linkKeys: true, retrievalKeys: true } });
    for (const p of current) {
      const l = link.get(p.id)!.keys;
      const r = retrieval.get(p.id)!.keys;
      if (!sameSet(p.linkKeys, l) || !sameSet(p.retrievalKeys, r)) updates.push({ id: p.id, link: [...l], retrieval: [...r] });
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
