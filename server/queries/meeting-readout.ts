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
  sourceUrl: string | null;
  version: number;
  /** Set on an old version: the version that replaced it. */
  replacedBy: { id: number; version: number; at: string } | null;
  earlierVersions: { id: number; version: number; replacedAt: string | null }[];
  /** Set on another outlet's readout of a meeting: that meeting's own readout. */
  sourceOf: { id: number; title: string; outlet: string | null } | null;
  /** The other outlets' readouts of this meeting. */
  otherSources: { id: number; title: string; outlet: string | null; sourceUrl: string | null }[];
  history: MeetingHistoryEntry[];
  /** Meetings this readout could be filed under as a source: same countries, within three days. */
  joinCandidates: { id: number; title: string; outlet: string | null; meetingDate: string }[];
  text: string;
  /** [[start, end], …] of the text kept after page furniture was removed. */
  analysedRanges: unknown;
  participants: { name: string; role: string | null; side: string | null }[];
  mentions: ReadoutMention[];
  /** Who stored the readout and when; null when it came from the command line. */
  storedBy: { name: string; at: string } | null;
}

export interface MeetingHistoryEntry {
  id: number;
  kind: string;
  at: string;
  by: string | null;
  summary: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

interface ArchivedMention {
  start: number;
  end: number;
  phraseStart: number;
  phraseEnd: number;
  pledgeId: number;
}

function describe(kind: string, data: Record<string, unknown>): string {
  if (kind === "REPLACED") {
    const dropped = Array.isArray(data.dropped) ? data.dropped.length : 0;
    return `Version ${data.version} replaced version ${data.previousVersion} (${data.why}): ${data.kept} mentions kept with their pledges and decisions, ${data.relinked} linked anew, ${dropped} no longer in the text.`;
  }
  if (kind === "SOURCE_ADDED") return `${data.outlet ?? "Another outlet"}'s readout of this meeting added as a source.`;
  if (kind === "SOURCE_JOINED") return `${data.outlet ?? "A"} readout "${data.title}" filed as a source of meeting ${data.to}.`;
  if (kind === "SOURCE_SEPARATED") return `${data.outlet ?? "A"} readout "${data.title}" separated from meeting ${data.from}: a meeting of its own.`;
  return kind.toLowerCase().replace(/_/g, " ");
}

/** One meeting's readout with every pledge mention in it, marked first or repeated. */
export async function getMeetingReadout(rawId: string): Promise<MeetingReadout | null> {
  const id = parseId(rawId);
  if (id === null) return null;
  const db = prisma();
  const meeting = await db.meeting.findUnique({
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
  const group = meeting.primaryId ?? meeting.id;
  const canJoin = !meeting.replacedById && !meeting.primaryId;
  const [replacedBy, earlierVersions, primary, otherSources, events, joinCandidates] = await Promise.all([
    meeting.replacedById ? db.meeting.findUnique({ where: { id: meeting.replacedById }, select: { id: true, version: true } }) : null,
    db.$queryRaw<{ id: number; version: number; replacedAt: Date | null }[]>`
      with recursive older as (
        select id, version, "replacedAt" from "Meeting" where "replacedById" = ${meeting.id}
        union all
        select m.id, m.version, m."replacedAt" from "Meeting" m join older o on m."replacedById" = o.id
      ) select * from older order by version desc`,
    meeting.primaryId ? db.meeting.findUnique({ where: { id: meeting.primaryId }, select: { id: true, title: true, outlet: true } }) : null,
    db.meeting.findMany({
      // A source's page names its meeting apart; here only the sources beside it.
      where: { replacedById: null, id: { not: meeting.id }, primaryId: group },
      orderBy: { id: "asc" },
      select: { id: true, title: true, outlet: true, sourceUrl: true },
    }),
    db.meetingEvent.findMany({ where: { meetingId: meeting.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    canJoin
      ? db.meeting.findMany({
          where: {
            id: { not: meeting.id },
            replacedById: null,
            primaryId: null,
            countries: { hasSome: meeting.countries },
            meetingDate: { gte: new Date(meeting.meetingDate.getTime() - 3 * 86_400_000), lte: new Date(meeting.meetingDate.getTime() + 3 * 86_400_000) },
          },
          orderBy: [{ meetingDate: "asc" }, { id: "asc" }],
          take: 20,
          select: { id: true, title: true, outlet: true, meetingDate: true },
        })
      : [],
  ]);
  const authors = new Map(
    (await db.user.findMany({ where: { id: { in: events.flatMap((e) => (e.userId ? [e.userId] : [])) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );

  // A pledge named twice in the readout that first made it counts as first only at its earliest place.
  const seenHere = new Set<number>();
  const current = meeting.mentions.map((m) => {
    const firstHere = m.pledge.firstMeetingId === group && !seenHere.has(m.pledgeId);
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
  const mentions = meeting.replacedById ? await archivedMentions(meeting.archivedMentions) : current;

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
    sourceUrl: meeting.sourceUrl,
    version: meeting.version,
    replacedBy: replacedBy && meeting.replacedAt ? { ...replacedBy, at: meeting.replacedAt.toISOString() } : null,
    earlierVersions: earlierVersions.map((v) => ({ ...v, replacedAt: v.replacedAt ? v.replacedAt.toISOString() : null })),
    sourceOf: primary,
    otherSources,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.createdAt.toISOString(),
      by: e.userId ? (authors.get(e.userId) ?? "a former account") : null,
      summary: describe(e.kind, (e.data ?? {}) as Record<string, unknown>),
    })),
    joinCandidates: joinCandidates.map((c) => ({ ...c, meetingDate: day(c.meetingDate) })),
    text: meeting.text,
    storedBy: meeting.storedBy ? { name: meeting.storedBy.name, at: day(meeting.createdAt) } : null,
    analysedRanges: meeting.analysedRanges,
    participants: meeting.participants.map((p) => ({ name: p.name, role: p.role, side: p.side })),
    mentions,
  };
}

/** An old version's mentions as they were when it was replaced, with the pledges' current titles. */
async function archivedMentions(snapshot: unknown): Promise<ReadoutMention[]> {
  const rows = (Array.isArray(snapshot) ? snapshot : []) as ArchivedMention[];
  const pledges = new Map(
    (await prisma().pledge.findMany({ where: { id: { in: rows.map((r) => r.pledgeId) } }, select: { id: true, title: true, firstMeetingId: true, firstMentionDate: true } })).map((p) => [p.id, p]),
  );
  return rows.map((r, i) => {
    const pledge = pledges.get(r.pledgeId);
    return {
      // Old versions' mentions have no rows of their own: negative ids keep their anchors apart from live mentions.
      id: -(i + 1),
      pledgeId: r.pledgeId,
      pledgeTitle: pledge?.title ?? "A pledge since removed",
      phraseStart: r.phraseStart,
      phraseEnd: r.phraseEnd,
      speaker: null,
      firstMentionDate: pledge?.firstMentionDate ? day(pledge.firstMentionDate) : null,
      firstMeetingId: pledge?.firstMeetingId ?? null,
    };
  });
}
