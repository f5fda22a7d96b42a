import type { Db } from "@/server/db";
import { isoDate } from "@/lib/format";

/**
 * The pledge as the JSON API and the edit panel see it: its fields, its
 * `version` (to send back with an edit), its mentions and its history.
 * A merged-away pledge is returned as it is; callers redirect on `mergedIntoId`.
 */
export async function getPledgeRecord(db: Pick<Db, "pledge">, id: number) {
  const pledge = await db.pledge.findUnique({
    where: { id },
    include: {
      topic: { select: { id: true, slug: true, name: true } },
      mentions: {
        include: { meeting: { select: { id: true, title: true, meetingDate: true } } },
        orderBy: [{ meeting: { meetingDate: "asc" } }, { meetingId: "asc" }, { start: "asc" }],
      },
      events: { include: { user: { select: { email: true, name: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!pledge) return null;
  return {
    id: pledge.id,
    title: pledge.title,
    status: pledge.status,
    statusChangedAt: pledge.statusChangedAt?.toISOString() ?? null,
    version: pledge.version,
    topic: pledge.topic,
    actors: pledge.actors,
    giver: pledge.giver,
    receiver: pledge.receiver,
    countryPair: pledge.countryPair,
    titleByAnalyst: pledge.titleByAnalyst,
    topicByAnalyst: pledge.topicByAnalyst,
    actorsByAnalyst: pledge.actorsByAnalyst,
    mentionCount: pledge.mentionCount,
    meetingCount: pledge.meetingCount,
    firstMeetingId: pledge.firstMeetingId,
    firstMentionDate: isoDate(pledge.firstMentionDate) || null,
    lastMentionDate: isoDate(pledge.lastMentionDate) || null,
    firmness: pledge.firmness,
    specificity: pledge.specificity,
    mergedIntoId: pledge.mergedIntoId,
    mentions: pledge.mentions.map((mention) => ({
      id: mention.id,
      meetingId: mention.meetingId,
      meetingTitle: mention.meeting.title,
      meetingDate: isoDate(mention.meeting.meetingDate),
      quote: mention.quote,
      phrase: mention.phrase,
      start: mention.start,
      end: mention.end,
      speaker: mention.speaker,
      side: mention.side,
      cue: mention.cue,
      firmness: mention.firmness,
      specificity: mention.specificity,
      confidence: mention.confidence,
      linkMethod: mention.linkMethod,
      linkReason: mention.linkReason,
      review: mention.review,
    })),
    history: pledge.events.map((event) => ({
      id: event.id,
      kind: event.kind,
      at: event.createdAt.toISOString(),
      by: event.user?.email ?? null,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
      evidenceUrl: event.evidenceUrl,
      evidenceDate: isoDate(event.evidenceDate) || null,
      data: event.data,
    })),
  };
}

export type PledgeRecord = NonNullable<Awaited<ReturnType<typeof getPledgeRecord>>>;
