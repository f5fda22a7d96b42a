import { createHash } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/db";
import { TOPICS } from "@/lib/topics";
import { refreshPledgeStats } from "@/server/services/refresh-pledge-stats";
import { parseReadout } from "./parse-readout";
import { extractMentions, type ExtractedMention } from "./extract-mentions";
import { candidateKeys, chooseLink, LOW_CONFIDENCE, type PledgeCandidate } from "./link";
import { decodeReadout, ReadoutError } from "./validate-readout";

type Tx = Prisma.TransactionClient;

export interface LowConfidenceLink {
  mentionId: number;
  pledgeId: number;
  pledgeTitle: string;
  confidence: number;
  reason: string;
  quote: string;
}

export type IngestOutcome =
  | {
      file: string;
      status: "new";
      meetingId: number;
      meetingDate: string;
      mentions: number;
      newPledges: number;
      linked: number;
      lowConfidence: LowConfidenceLink[];
    }
  | { file: string; status: "unchanged"; meetingId: number }
  | { file: string; status: "failed"; reason: string };

export interface IngestOptions {
  /** The meeting date when the readout states none (YYYY-MM-DD). */
  meetingDate?: string;
}

const MAX_CANDIDATES = 25;
const MAX_LINK_KEYS = 48;

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Makes sure every topic of the taxonomy has its row; safe to call repeatedly. */
export async function ensureTopics(db: Db): Promise<void> {
  for (const topic of TOPICS) {
    await db.topic.upsert({
      where: { slug: topic.slug },
      create: { slug: topic.slug, name: topic.name, description: topic.description },
      update: { name: topic.name, description: topic.description },
    });
  }
}

/**
 * Ingests one readout file: parse, extract, link, and write it all in one
 * transaction. A failure leaves no trace in the database and is returned, not
 * thrown, so one bad file never blocks the others.
 */
export async function ingestReadout(db: Db, file: string, bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestOutcome> {
  let text: string;
  try {
    text = decodeReadout(bytes);
  } catch (error) {
    return { file, status: "failed", reason: (error as Error).message };
  }
  const hash = contentHash(text);
  const existing = await db.meeting.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (existing) return { file, status: "unchanged", meetingId: existing.id };

  try {
    const parsed = parseReadout(text, { meetingDate: options.meetingDate });
    if (!parsed.meetingDate) {
      throw new ReadoutError("no meeting date found in the text; give one with --date YYYY-MM-DD");
    }
    const mentions = extractMentions(text, parsed);
    const topicIds = new Map((await db.topic.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));

    return await db.$transaction(
      async (tx) => {
        const pairs = [...new Set(mentions.map((m) => m.countryPair))].sort();
        // Serialise linking per country pair, so two ingestion runs never both create the same pledge.
        for (const pair of pairs) await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${pair}))`;
        await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${hash}))`;
        const again = await tx.meeting.findUnique({ where: { contentHash: hash }, select: { id: true } });
        if (again) return { file, status: "unchanged" as const, meetingId: again.id };

        const meeting = await tx.meeting.create({
          data: {
            sourceName: file,
            contentHash: hash,
            title: parsed.title,
            outlet: parsed.outlet,
            publishedAt: parsed.publishedAt ? new Date(parsed.publishedAt) : null,
            meetingDate: new Date(parsed.meetingDate!),
            dateEvidence: parsed.dateEvidence,
            place: parsed.place,
            countries: parsed.countries,
            text,
            analysedRanges: parsed.analysedRanges,
            participants: {
              create: dedupeParticipants(parsed.participants).map((p) => ({ name: p.name, role: p.role, side: p.side })),
            },
          },
          select: { id: true },
        });
        const result = await linkMentions(tx, meeting.id, mentions, topicIds);
        return {
          file,
          status: "new" as const,
          meetingId: meeting.id,
          meetingDate: parsed.meetingDate!,
          mentions: mentions.length,
          ...result,
        };
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof ReadoutError) return { file, status: "failed", reason: error.message };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await db.meeting.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (row) return { file, status: "unchanged", meetingId: row.id };
    }
    const reason = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-1)[0] : String(error);
    return { file, status: "failed", reason: `could not be stored: ${reason}` };
  }
}

function dedupeParticipants<T extends { name: string }>(participants: T[]): T[] {
  const seen = new Set<string>();
  return participants.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

async function findCandidates(tx: Tx, mention: ExtractedMention): Promise<PledgeCandidate[]> {
  const keys = candidateKeys(mention);
  if (keys.length === 0) return [];
  // The GIN index on "linkKeys" answers the overlap test; only pledges sharing a key are scored.
  return tx.$queryRaw<PledgeCandidate[]>`
    select p.id, p.title, t.slug as topic, p.giver, p."countryPair", p."linkKeys",
           coalesce((select array_agg(x.phrase) from (
              select m.phrase from "Mention" m
               where m."pledgeId" = p.id and m.review <> 'REJECTED'
               order by m.id limit 8) x), '{}') as phrases
      from "Pledge" p join "Topic" t on t.id = p."topicId"
     where p."countryPair" = ${mention.countryPair}
       and p."mergedIntoId" is null
       and p."linkKeys" && ${keys}::text[]
     order by cardinality(array(select unnest(p."linkKeys") intersect select unnest(${keys}::text[]))) desc,
              p."mentionCount" desc
     limit ${MAX_CANDIDATES}`;
}

async function linkMentions(tx: Tx, meetingId: number, mentions: ExtractedMention[], topicIds: Map<string, number>) {
  let newPledges = 0;
  let linked = 0;
  const touched: number[] = [];
  const low: { mentionId: number; pledgeId: number; confidence: number; reason: string; quote: string }[] = [];

  for (const mention of mentions) {
    const decision = chooseLink(mention, await findCandidates(tx, mention));
    let pledgeId: number;
    if (decision) {
      pledgeId = decision.pledgeId;
      linked++;
      await tx.$executeRaw`
        update "Pledge" set "linkKeys" = (
          select coalesce(array_agg(k), '{}') from (
            select distinct unnest("linkKeys" || ${mention.linkKeys}::text[]) as k limit ${MAX_LINK_KEYS}) keys)
         where id = ${pledgeId}`;
    } else {
      const topicId = topicIds.get(mention.topic) ?? topicIds.get("other");
      if (topicId === undefined) throw new Error(`topic ${mention.topic} is missing; run ensureTopics first`);
      const pledge = await tx.pledge.create({
        data: {
          title: mention.title,
          topicId,
          actors: mention.giver === "joint" ? mention.countryPair.split("|") : [mention.giver],
          giver: mention.giver,
          receiver: mention.receiver,
          countryPair: mention.countryPair,
          linkKeys: mention.linkKeys.slice(0, MAX_LINK_KEYS),
          events: { create: { kind: "CREATED", data: { meetingId, by: "ingestion" } } },
        },
        select: { id: true },
      });
      pledgeId = pledge.id;
      newPledges++;
    }
    const row = await tx.mention.upsert({
      where: { meetingId_phraseStart_phraseEnd: { meetingId, phraseStart: mention.phraseStart, phraseEnd: mention.phraseEnd } },
      update: {},
      create: {
        pledgeId,
        meetingId,
        quote: mention.quote,
        start: mention.start,
        end: mention.end,
        phrase: mention.phrase,
        phraseStart: mention.phraseStart,
        phraseEnd: mention.phraseEnd,
        sentenceIndex: mention.sentenceIndex,
        speaker: mention.speaker,
        side: mention.side,
        cue: mention.cue,
        firmness: mention.firmness,
        specificity: mention.specificity,
        confidence: decision ? decision.confidence : 1,
        linkMethod: decision ? "AUTOMATIC" : "FIRST",
        linkReason: decision ? decision.reason : "first seen here: no earlier pledge matched",
      },
      select: { id: true },
    });
    touched.push(pledgeId);
    if (decision && decision.confidence < LOW_CONFIDENCE) {
      low.push({ mentionId: row.id, pledgeId, confidence: decision.confidence, reason: decision.reason, quote: mention.phrase });
    }
  }
  await refreshPledgeStats(tx, touched);
  const titles = new Map(
    (await tx.pledge.findMany({ where: { id: { in: low.map((l) => l.pledgeId) } }, select: { id: true, title: true } })).map((p) => [p.id, p.title]),
  );
  const lowConfidence = low.map((l) => ({ ...l, pledgeTitle: titles.get(l.pledgeId) ?? "" }));
  return { newPledges, linked, lowConfidence };
}
