import { stringify } from "csv-stringify/sync";
import { SAFE_CSV } from "./csv-cell";
import type { Db } from "@/server/db";

export const EXPORT_FORMATS = ["json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The whole corpus as analysts exchange it: meetings, and pledges with every
 * mention. `quote` is exactly the meeting's stored text between `start` and `end`, and `phrase`
 * the pledge's own words inside it, between `phraseStart` and `phraseEnd`.
 */
export async function exportDocument(db: Db) {
  // Current versions only: a replaced version's mentions moved to its successor.
  const meetings = await db.meeting.findMany({
    where: { replacedById: null },
    orderBy: [{ meetingDate: "asc" }, { id: "asc" }],
    select: { id: true, sourceName: true, sourceUrl: true, primaryId: true, version: true, title: true, outlet: true, meetingDate: true, publishedAt: true, place: true, countries: true, participants: { select: { name: true, role: true, side: true } } },
  });
  const pledges = await db.pledge.findMany({
    where: { mergedIntoId: null, mentionCount: { gt: 0 } },
    orderBy: [{ firstMentionDate: "asc" }, { id: "asc" }],
    include: {
      topic: { select: { slug: true, name: true } },
      mentions: {
        where: { review: { not: "REJECTED" } },
        include: { meeting: { select: { meetingDate: true } } },
        orderBy: [{ meeting: { meetingDate: "asc" } }, { start: "asc" }],
      },
    },
  });
  return {
    meetings: meetings.map((m) => ({
      id: m.id,
      source: m.sourceName,
      sourceUrl: m.sourceUrl,
      version: m.version,
      // Another outlet's readout of a meeting names that meeting's own readout.
      sourceOf: m.primaryId,
      title: m.title,
      outlet: m.outlet,
      date: day(m.meetingDate),
      publishedAt: day(m.publishedAt),
      place: m.place,
      countries: m.countries,
      participants: m.participants,
    })),
    pledges: pledges.map((p) => ({
      id: p.id,
      title: p.title,
      topic: p.topic.slug,
      topicName: p.topic.name,
      actors: p.actors,
      giver: p.giver,
      receiver: p.receiver,
      countryPair: p.countryPair,
      status: p.status,
      version: p.version,
      firstMention: { meetingId: p.firstMeetingId, date: day(p.firstMentionDate) },
      lastMentionDate: day(p.lastMentionDate),
      mentionCount: p.mentionCount,
      meetingCount: p.meetingCount,
      mentions: p.mentions.map((m) => ({
        id: m.id,
        meetingId: m.meetingId,
        date: day(m.meeting.meetingDate),
        quote: m.quote,
        start: m.start,
        end: m.end,
        phrase: m.phrase,
        phraseStart: m.phraseStart,
        phraseEnd: m.phraseEnd,
        speaker: m.speaker,
        side: m.side,
        confidence: m.confidence,
        linkMethod: m.linkMethod,
        linkReason: m.linkReason,
      })),
    })),
  };
}

/** The export as text: JSON, or CSV with one row per mention (pledge fields repeated). */
export async function exportPledges(db: Db, format: ExportFormat): Promise<string> {
  const doc = await exportDocument(db);
  if (format === "json") return `${JSON.stringify(doc, null, 2)}\n`;
  const rows = doc.pledges.flatMap((p) =>
    p.mentions.map((m) => ({
      pledge_id: p.id,
      title: p.title,
      topic: p.topic,
      actors: p.actors.join("; "),
      status: p.status,
      first_mention_date: p.firstMention.date,
      mention_count: p.mentionCount,
      mention_id: m.id,
      meeting_id: m.meetingId,
      date: m.date,
      quote: m.quote,
      start: m.start,
      end: m.end,
      confidence: m.confidence,
      link_reason: m.linkReason,
    })),
  );
  return stringify(rows, { ...SAFE_CSV, header: true, columns: rows.length ? undefined : ["pledge_id", "title", "topic", "actors", "status", "first_mention_date", "mention_count", "mention_id", "meeting_id", "date", "quote", "start", "end", "confidence", "link_reason"] });
}
