import "server-only";
import { cache } from "react";
import { prisma } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export interface StoryMention {
  id: number;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  outlet: string | null;
  quote: string;
  phrase: string;
  /** Where the phrase sits inside the quote, for highlighting. */
  phraseFrom: number;
  phraseTo: number;
  speaker: string | null;
  side: string | null;
  cue: string;
  firmness: number;
  specificity: number;
  confidence: number;
  linkMethod: string;
  linkReason: string;
  isFirst: boolean;
}

export interface StoryEvent {
  id: number;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  evidenceUrl: string | null;
  evidenceDate: string | null;
  createdAt: string;
  userName: string | null;
  /** What changed, before and after (titles, mentions, pledges), as the service recorded it. */
  data: Record<string, unknown>;
  /** Set on an UNDONE entry: the entry it reversed. */
  undoesId: number | null;
  /** Whether a later UNDONE entry reversed this one. */
  undone: boolean;
}

export interface RelatedPledge {
  id: number;
  title: string;
  mentionCount: number;
  meetingCount: number;
  sharedKeys: string[];
}

export interface PledgeStory {
  id: number;
  title: string;
  topic: { id: number; slug: string; name: string };
  /** "China|Tajikistan": the two countries an analyst may name as actors. */
  countryPair: string;
  status: string;
  statusChangedAt: string | null;
  actors: string[];
  giver: string;
  receiver: string | null;
  firmness: number;
  specificity: number;
  mentionCount: number;
  meetingCount: number;
  firstMentionDate: string | null;
  lastMentionDate: string | null;
  version: number;
  linkKeys: string[];
  events: StoryEvent[];
  mentions: StoryMention[];
  /** Mentions left out of a long timeline (the first mention and the latest ones are always shown). */
  hiddenMentions: number;
  related: RelatedPledge[];
}

/** A timeline longer than this shows the first mention and the latest ones, unless all are asked for. */
export const TIMELINE_LIMIT = 60;

export type PledgeStoryResult = { kind: "story"; story: PledgeStory } | { kind: "merged"; survivorId: number } | null;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Reads a route segment as a pledge id; anything but a positive 32-bit integer is no pledge. */
export function parseId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}

/**
 * The pledge row a /pledges/[id] request needs, read once per request: the layout decides with it
 * whether the page exists (or where a merged pledge went) and the page tells its story from it.
 */
export const loadPledgeRow = cache((id: number) =>
  prisma().pledge.findUnique({
    where: { id },
    include: {
      topic: { select: { id: true, slug: true, name: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { user: { select: { name: true } } } },
    },
  }),
);

/**
 * A pledge's whole story for /pledges/[id]; a merged pledge points to the pledge that absorbed it.
 * Merging re-points earlier merged pledges to the new survivor, so `mergedIntoId` is always the final one.
 */
export async function getPledgeStory(rawId: string, options: { allMentions?: boolean } = {}): Promise<PledgeStoryResult> {
  const id = parseId(rawId);
  if (id === null) return null;
  // Two chains side by side: the pledge then its related pledges, and the timeline, which needs
  // only the id (a missing or merged pledge has no live mentions, so it costs little).
  const found = loadPledgeRow(id);
  const [pledge, timeline, related] = await Promise.all([
    found,
    timelineMentions(id, Boolean(options.allMentions)),
    found.then((p) => (p && p.mergedIntoId === null ? relatedPledges(p.id, p.topicId, p.retrievalKeys) : [])),
  ]);
  if (!pledge) return null;
  if (pledge.mergedIntoId !== null) return { kind: "merged", survivorId: pledge.mergedIntoId };
  const { order, shown, rows } = timeline;
  const undoneIds = new Set(pledge.events.map((e) => e.undoesId).filter((id) => id !== null));

  const mentions = [...rows].sort(
    (a, b) => a.meeting.meetingDate.getTime() - b.meeting.meetingDate.getTime() || a.meetingId - b.meetingId || a.phraseStart - b.phraseStart,
  );
  const firstId = mentions.find((m) => m.meetingId === pledge.firstMeetingId)?.id ?? mentions[0]?.id;

  return {
    kind: "story",
    story: {
      id: pledge.id,
      title: pledge.title,
      topic: pledge.topic,
      countryPair: pledge.countryPair,
      status: pledge.status,
      statusChangedAt: pledge.statusChangedAt?.toISOString() ?? null,
      actors: pledge.actors,
      giver: pledge.giver,
      receiver: pledge.receiver,
      firmness: pledge.firmness,
      specificity: pledge.specificity,
      mentionCount: pledge.mentionCount,
      meetingCount: pledge.meetingCount,
      firstMentionDate: day(pledge.firstMentionDate),
      lastMentionDate: day(pledge.lastMentionDate),
      version: pledge.version,
      linkKeys: pledge.linkKeys,
      events: pledge.events.map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        evidenceUrl: e.evidenceUrl,
        evidenceDate: day(e.evidenceDate),
        createdAt: e.createdAt.toISOString(),
        userName: e.user?.name ?? null,
        data: e.data && typeof e.data === "object" && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : {},
        undoesId: e.undoesId,
        undone: undoneIds.has(e.id),
      })),
      mentions: mentions.map((m) => ({
        id: m.id,
        meetingId: m.meetingId,
        meetingTitle: m.meeting.title,
        meetingDate: day(m.meeting.meetingDate)!,
        outlet: m.meeting.outlet,
        quote: m.quote,
        phrase: m.phrase,
        phraseFrom: Math.max(0, m.phraseStart - m.start),
        phraseTo: Math.min(m.quote.length, m.phraseEnd - m.start),
        speaker: m.speaker,
        side: m.side,
        cue: m.cue,
        firmness: m.firmness,
        specificity: m.specificity,
        confidence: m.confidence,
        linkMethod: m.linkMethod,
        linkReason: m.linkReason,
        isFirst: m.id === firstId,
      })),
      hiddenMentions: order.length - shown.length,
      related,
    },
  };
}

async function timelineMentions(id: number, allMentions: boolean) {
  const db = prisma();
  // A pledge repeated for decades has hundreds of mentions: choose which to show from a light list first.
  const order = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT m.id FROM "Mention" m JOIN "Meeting" mt ON mt.id = m."meetingId"
    WHERE m."pledgeId" = ${id} AND m.review <> 'REJECTED'
    ORDER BY mt."meetingDate", m."meetingId", m."phraseStart"`);
  const shown = allMentions || order.length <= TIMELINE_LIMIT ? order : [order[0], ...order.slice(-(TIMELINE_LIMIT - 1))];
  const rows = await db.mention.findMany({
    where: { id: { in: shown.map((m) => m.id) } },
    include: { meeting: { select: { id: true, title: true, meetingDate: true, outlet: true } } },
  });
  return { order, shown, rows };
}

/** Pledges filed under one of its retrieval keys come first (strong evidence), then the busiest of the same topic. */
async function relatedPledges(id: number, topicId: number, retrievalKeys: string[]): Promise<RelatedPledge[]> {
  const limit = 8;
  const keys = retrievalKeys.length ? retrievalKeys : [""];
  // Two small indexed lookups rather than one scan of the whole topic. Keys carry the country
  // pair ("China|Tajikistan:workshop", "…:~trade"); the words alone are shown.
  const sharing = await prisma().$queryRaw<RelatedPledge[]>(Prisma.sql`
    SELECT p.id, p.title, p."mentionCount", p."meetingCount",
      ARRAY(SELECT DISTINCT ltrim(substr(k, strpos(k, ':') + 1), '~') FROM unnest(p."retrievalKeys") k WHERE k = ANY(${keys}::text[])) AS "sharedKeys"
    FROM "Pledge" p
    WHERE p.id <> ${id} AND p."mergedIntoId" IS NULL AND p."retrievalKeys" && ${keys}::text[]
    ORDER BY cardinality(ARRAY(SELECT k FROM unnest(p."retrievalKeys") k WHERE k = ANY(${keys}::text[]))) DESC, p."meetingCount" DESC, p.id
    LIMIT ${limit}`);
  if (sharing.length >= limit) return sharing;
  const seen = [id, ...sharing.map((p) => p.id)];
  const sameTopic = await prisma().$queryRaw<RelatedPledge[]>(Prisma.sql`
    SELECT p.id, p.title, p."mentionCount", p."meetingCount", ARRAY[]::text[] AS "sharedKeys"
    FROM "Pledge" p
    WHERE p."topicId" = ${topicId} AND p."mergedIntoId" IS NULL AND p.id <> ALL(${seen}::int[])
    ORDER BY p."meetingCount" DESC, p.id
    LIMIT ${limit - sharing.length}`);
  return [...sharing, ...sameTopic];
}
