import path from "node:path";
import type { Db } from "@/server/db";
import type { SynthTruth } from "@/server/synth/generate";

export interface Accuracy {
  mentionPrecision: number;
  mentionRecall: number;
  linkPrecision: number;
  linkRecall: number;
  goldMentions: number;
  predictedMentions: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Compares the stored mentions with the ground truth. A predicted mention
 * matches a true one when their spans overlap in the same readout. Links are
 * scored pairwise over matched mentions, through the contingency table of
 * predicted pledge × true pledge, so a million mentions cost no more than a sort.
 */
export async function measureLinkAccuracy(db: Db, truths: Iterable<SynthTruth>): Promise<Accuracy> {
  const meetings = new Map((await db.meeting.findMany({ select: { id: true, sourceName: true } })).map((m) => [path.basename(m.sourceName), m.id]));
  const byMeeting = new Map<number, { pledgeId: number; start: number; end: number }[]>();
  let predictedMentions = 0;
  const batch = 50_000;
  for (let cursor = 0; ; ) {
    const rows = await db.mention.findMany({
      where: { id: { gt: cursor }, review: { not: "REJECTED" } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, meetingId: true, pledgeId: true, phraseStart: true, phraseEnd: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const list = byMeeting.get(row.meetingId) ?? [];
      list.push({ pledgeId: row.pledgeId, start: row.phraseStart, end: row.phraseEnd });
      byMeeting.set(row.meetingId, list);
    }
    predictedMentions += rows.length;
    cursor = rows[rows.length - 1].id;
  }

  const cells = new Map<string, number>();
  const predictedSizes = new Map<number, number>();
  const goldSizes = new Map<string, number>();
  let goldMentions = 0;
  let matchedGold = 0;
  const matchedPredicted = new Set<string>();
  for (const truth of truths) {
    const meetingId = meetings.get(truth.file);
    const predicted = meetingId === undefined ? [] : (byMeeting.get(meetingId) ?? []);
    for (const gold of truth.mentions) {
      goldMentions++;
      const hit = predicted.find((p) => p.start < gold.end && gold.start < p.end);
      if (!hit) continue;
      matchedGold++;
      matchedPredicted.add(`${meetingId}:${hit.start}`);
      const cell = `${hit.pledgeId}\u0000${gold.pledge}`;
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
      predictedSizes.set(hit.pledgeId, (predictedSizes.get(hit.pledgeId) ?? 0) + 1);
      goldSizes.set(gold.pledge, (goldSizes.get(gold.pledge) ?? 0) + 1);
    }
  }
  const together = [...cells.values()].reduce((s, n) => s + pairs(n), 0);
  const predictedPairs = [...predictedSizes.values()].reduce((s, n) => s + pairs(n), 0);
  const goldPairs = [...goldSizes.values()].reduce((s, n) => s + pairs(n), 0);
  return {
    mentionPrecision: predictedMentions ? matchedPredicted.size / predictedMentions : 0,
    mentionRecall: goldMentions ? matchedGold / goldMentions : 0,
    linkPrecision: predictedPairs ? together / predictedPairs : 1,
    linkRecall: goldPairs ? together / goldPairs : 1,
    goldMentions,
    predictedMentions,
  };
}
