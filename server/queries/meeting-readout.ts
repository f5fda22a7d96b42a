import "server-only";
import { prisma } from "@/server/db";
import { parseId } from "./pledge-story";

export interface ReadoutMention {
  id: number;
  pledgeId: number;
  pledgeTitle: string;
  phraseStart: number;
  phraseEnd: number;
  speaker: string | null;
  /** Null when this is the pledge's first mention; otherwise the date it was first mentioned. */
  firstMentionDate: string | null;
  firstMeetingId: number | null;
}

export interface MeetingReadout {
  id: number;
  title: string;
  meetingDate: string;
  publishedAt: string | null;
  dateEvidence: string;
  outlet: string | null;
  place: string | null;
  countries: string[];
  sourceName: string;
  text: string;
  /** [[start, end], …] of the text kept after page furniture was removed. */
  analysedRanges: unknown;
  participants: { name: string; role: string | null; side: string | null }[];
  mentions: ReadoutMention[];
  /** Who stored the readout and when; null when it came from the command line. */
  storedBy: { name: string; at: string } | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** One meeting's readout with every pledge mention in it, marked first or repeated. */
export async function getMeetingReadout(rawId: string): Promise<MeetingReadout | null> {
  const id = parseId(rawId);
  if (id === null) return null;
  const meeting = await prisma().meeting.findUnique({
    where: { id },
    include: {
      storedBy: { select: { name: true } },
      participants: { orderBy: [{ side: "asc" }, { id: "asc" }] },
      mentions: {
        where: { review: { not: "REJECTED" }, pledge: { mergedIntoId: null } },
        orderBy: [{ phraseStart: "asc" }, { phraseEnd: "asc" }],
        include: { pledge: { select: { id: true, title: true, firstMeetingId: true, firstMentionDate: true } } },
      },
    },
  });
  if (!meeting) return null;

  // A pledge named twice in the readout that first made it counts as first only at its earliest place.
  const seenHere = new Set<number>();
  const mentions = meeting.mentions.map((m) => {
    const firstHere = m.pledge.firstMeetingId === meeting.id && !seenHere.has(m.pledgeId);
    seenHere.add(m.pledgeId);
    return {
      id: m.id,
      pledgeId: m.pledgeId,
      pledgeTitle: m.pledge.title,
      phraseStart: m.phraseStart,
      phraseEnd: m.phraseEnd,
      speaker: m.speaker,
      firstMentionDate: firstHere ? null : m.pledge.firstMentionDate ? day(m.pledge.firstMentionDate) : day(meeting.meetingDate),
      firstMeetingId: m.pledge.firstMeetingId,
    };
  });

  return {
    id: meeting.id,
    title: meeting.title,
    meetingDate: day(meeting.meetingDate),
    publishedAt: meeting.publishedAt ? day(meeting.publishedAt) : null,
    dateEvidence: meeting.dateEvidence,
    outlet: meeting.outlet,
    place: meeting.place,
    countries: meeting.countries,
    sourceName: meeting.sourceName,
    text: meeting.text,
    storedBy: meeting.storedBy ? { name: meeting.storedBy.name, at: day(meeting.createdAt) } : null,
    analysedRanges: meeting.analysedRanges,
    participants: meeting.participants.map((p) => ({ name: p.name, role: p.role, side: p.side })),
    mentions,
  };
}
