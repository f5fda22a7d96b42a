import { createHash } from "node:crypto";
import path from "node:path";
import type { Db } from "@/server/db";
import { TOPICS } from "@/lib/topics";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { linkMentions, type LowConfidenceLink, type MentionPlan } from "./link-mentions";
import { findRelatedMeeting, joinMeeting, meetingLockKeys, replaceVersion, type ReadoutIdentity } from "./meeting-versions";
import { parseReadout, type ParsedReadout } from "@/server/engine/parse-readout";
import { extractMentions, type ExtractedMention } from "@/server/engine/extract-mentions";
import { decodeReadout, ReadoutError } from "@/server/engine/validate-readout";
import { sqlState, withSqlTransaction, type RawSql } from "@/server/sql-transaction";

type Tx = RawSql;

export type { LowConfidenceLink, MentionPlan };



interface Stored {
  file: string;
  meetingId: number;
  meetingDate: string;
  mentions: number;
  newPledges: number;
  linked: number;
  lowConfidence: LowConfidenceLink[];
  /** Set when the readout joined a stored meeting as another outlet's source of it. */
  sourceOf?: number;
  /** Every mention's outcome; only given for a dry run. */
  plans?: MentionPlan[];
}

export type IngestOutcome =
  | (Stored & { status: "new" })
  | (Stored & { status: "replaced"; previousMeetingId: number; version: number; kept: number; dropped: number; why: string })
  | { file: string; status: "unchanged"; meetingId: number }
  | { file: string; status: "failed"; reason: string };

export interface IngestOptions extends StoreOptions {
  /** The meeting date when the readout states none, or the right one when it states a wrong one (YYYY-MM-DD). */
  meetingDate?: string;
  /** Facts the analyst corrected before storing. */
  overrides?: ReadoutOverrides;
}

export interface ReadoutOverrides {
  place?: string | null;
  outlet?: string | null;
  participants?: { name: string; role: string | null; side: string | null }[];
}

export interface StoreOptions {
  /** Topic ids by slug, when the caller already has them (saves a query per readout). */
  topicIds?: Map<string, number>;
  /** The original article's address. */
  sourceUrl?: string | null;
  /** The file's absolute path, when read from disk: a changed file at the same path is a new version. */
  sourcePath?: string | null;
  /** Who stores it (an account id); null for the command line. */
  userId?: string | null;
  /** Do everything inside the transaction, then roll it back: what storing would do, nothing stored. */
  dryRun?: boolean;
}

/**
 * A readout's identity: its text with line endings, trailing spaces and Unicode form made uniform,
 * so the same page saved again on another system is recognised as the same readout.
 */
export function contentHash(text: string): string {
  const canonical = text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/[ \t\u00a0]+$/gm, "").trim();
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** Makes sure every topic of the taxonomy has its row; safe to call repeatedly. Returns ids by slug. */
export async function ensureTopics(db: Db): Promise<Map<string, number>> {
  for (const topic of TOPICS) {
    await db.topic.upsert({
      where: { slug: topic.slug },
      create: { slug: topic.slug, name: topic.name, description: topic.description },
      update: { name: topic.name, description: topic.description },
    });
  }
  return topicIdsOf(db);
}

async function topicIdsOf(db: Db): Promise<Map<string, number>> {
  return new Map((await db.topic.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
}

/** A readout read, decoded, parsed and its mentions extracted: everything ingestion needs but the database. */
export interface PreparedReadout {
  file: string;
  text: string;
  hash: string;
  parsed: Omit<ParsedReadout, "sentences">;
  mentions: ExtractedMention[];
}

type Failed = Extract<IngestOutcome, { status: "failed" }>;

/**
 * The engine's part of ingestion, done once per file: decode, parse, extract. A readout without a
 * meeting date is prepared all the same (it may already be stored); storing it is refused.
 */
export function prepareReadout(
  file: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): PreparedReadout | Failed {
  try {
    const { text, parsed, sentences } = readReadout(bytes, options);
    const mentions = parsed.meetingDate ? extractMentions(text, { ...parsed, sentences }) : [];
    return { file, text, hash: contentHash(text), parsed, mentions };
  } catch (error) {
    return { file, status: "failed", reason: (error as Error).message };
  }
}

/** A readout's meeting date as `prepareReadout` reads it (null when none is found), without extracting its mentions. */
export interface DatedReadout {
  file: string;
  meetingDate: string | null;
}

/**
 * The first, cheap part of `prepareReadout`: decode and parse, enough to place a readout in a batch's
 * meeting-date order. A readout that `prepareReadout` would refuse at this stage is refused the same way.
 */
export function dateReadout(file: string, bytes: Uint8Array, options: ReadOptions = {}): DatedReadout | Failed {
  try {
    return { file, meetingDate: readReadout(bytes, options).parsed.meetingDate };
  } catch (error) {
    return { file, status: "failed", reason: (error as Error).message };
  }
}

/** What reading a readout takes besides its bytes: a meeting date or facts the analyst gave, and the article's address. */
type ReadOptions = Pick<IngestOptions, "meetingDate" | "overrides"> & { sourceUrl?: string | null };

function readReadout(bytes: Uint8Array, options: ReadOptions) {
  const text = decodeReadout(bytes);
  const { sentences, ...read } = parseReadout(text, { meetingDate: options.meetingDate, sourceUrl: options.sourceUrl });
  return { text, sentences, parsed: { ...read, ...definedOnly(options.overrides ?? {}) } };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Ingests one readout file: parse, extract, link, and write it all in one
 * transaction. A failure leaves no trace in the database and is returned, not
 * thrown, so one bad file never blocks the others.
 */
export async function ingestReadout(db: Db, file: string, bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestOutcome> {
  const prepared = prepareReadout(file, bytes, options);
  return "status" in prepared ? prepared : storeReadout(db, prepared, options);
}

/** Thrown inside a dry run's transaction to roll it back with its outcome. */
class DryRun {
  constructor(readonly outcome: IngestOutcome) {}
}

/**
 * Links and stores a prepared readout in one transaction. A readout that is a new version of a
 * stored one replaces it; another outlet's readout of a stored meeting joins it as a source.
 */
export async function storeReadout(db: Db, prepared: PreparedReadout, options: StoreOptions = {}): Promise<IngestOutcome> {
  const { file, text, hash, parsed, mentions } = prepared;
  try {
    if (!parsed.meetingDate) {
      const existing = await db.meeting.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (existing) return { file, status: "unchanged", meetingId: existing.id };
      throw new ReadoutError(`no meeting date found in the text (${parsed.dateEvidence}); give one with --date YYYY-MM-DD`);
    }
    refuseImpossibleDate(parsed.meetingDate, parsed.publishedAt);
    const topicIds = options.topicIds ?? (await topicIdsOf(db));
    const identity = { sourceUrl: options.sourceUrl ?? null, sourcePath: options.sourcePath ?? null };

    return await withSqlTransaction(db, async (tx) => {
      const pairs = [...new Set(mentions.map((m) => m.countryPair))].sort();
      // Serialise linking per country pair, so two ingestion runs never both create the same pledge,
      // and the readouts of one meeting, so two versions or sources of it are matched one at a time.
      const locks = [hash, ...meetingLockKeys({ meetingDate: parsed.meetingDate!, countries: parsed.countries, ...identity }), ...pairs];
      // The planner cannot see the keys inside the candidate query's parameters and may choose a
      // sequential scan of every pledge, the one plan whose cost grows with the corpus; every
      // statement of this transaction is an index lookup. A stuck statement fails the readout.
      await tx.$queryRaw`select count(pg_advisory_xact_lock(hashtext(k))), set_config('enable_seqscan', 'off', true),
                                set_config('statement_timeout', '120s', true)
                           from unnest(${locks}::text[]) as k`;
      const meetingId = await insertMeeting(tx, file, hash, text, parsed, identity, options.userId ?? null);
      if (meetingId === null) {
        const [row] = await tx.$queryRaw<{ id: number }[]>`select id from "Meeting" where "contentHash" = ${hash}`;
        return { file, status: "unchanged" as const, meetingId: row.id };
      }
      const related = await findRelatedMeeting(tx, meetingId, parsed, identity);
      let outcome: IngestOutcome;
      if (related?.kind === "version") {
        const replaced = await replaceVersion(tx, meetingId, related, mentions, topicIds, options.userId ?? null);
        outcome = { file, status: "replaced", meetingId, meetingDate: parsed.meetingDate!, mentions: mentions.length, ...replaced };
      } else {
        if (related?.kind === "source") await joinMeeting(tx, meetingId, related.primaryId, options.userId ?? null);
        const { pledgeIds, ...result } = await linkMentions(tx, meetingId, mentions, topicIds, { freshMeeting: !related });
        // Another source of a stored meeting may repeat what the meeting already counts: recount its pledges.
        if (related) await refreshPledgeStats(tx, pledgeIds);
        outcome = { file, status: "new", meetingId, meetingDate: parsed.meetingDate!, mentions: mentions.length, ...result };
        if (related) outcome.sourceOf = related.primaryId;
      }
      if (options.dryRun) throw new DryRun(outcome);
      delete outcome.plans;
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.outcome;
    if (error instanceof ReadoutError) return { file, status: "failed", reason: error.message };
    if (sqlState(error) === "23505") {
      const row = await db.meeting.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (row) return { file, status: "unchanged", meetingId: row.id };
    }
    const reason = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-1)[0] : String(error);
    return { file, status: "failed", reason: `could not be stored: ${reason}` };
  }
}

/** A meeting cannot have taken place after its readout was published, nor after today. */
export function refuseImpossibleDate(meetingDate: string, publishedAt: string | null, today = new Date()): void {
  // A day's grace: a meeting in a time zone ahead of this machine's is already "tomorrow" here.
  const latest = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (meetingDate > latest) throw new ReadoutError(`meeting date ${meetingDate} is in the future; give the right one with --date YYYY-MM-DD`);
  if (publishedAt && meetingDate > publishedAt) {
    throw new ReadoutError(`meeting date ${meetingDate} is after the readout's publication date ${publishedAt}; give the right one with --date YYYY-MM-DD`);
  }
  if (meetingDate < "1900-01-01") throw new ReadoutError(`meeting date ${meetingDate} is before 1900; give the right one with --date YYYY-MM-DD`);
}

function dedupeParticipants<T extends { name: string }>(participants: T[]): T[] {
  const seen = new Set<string>();
  return participants.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

/** Inserts the meeting and its participants in one statement; null when a readout with the same content exists. */
async function insertMeeting(
  tx: Tx, file: string, hash: string, text: string, parsed: PreparedReadout["parsed"], identity: ReadoutIdentity, storedById: string | null,
): Promise<number | null> {
  // The participants go in only with a meeting inserted here (none when the content is already stored).
  const rows = await tx.$queryRaw<{ id: number }[]>`
    with meeting as (
      insert into "Meeting" ("sourceName", "sourcePath", "sourceUrl", "contentHash", title, outlet, "publishedAt", "meetingDate", "dateEvidence",
                             place, countries, text, "analysedRanges", "storedById")
      values (${path.basename(file)}, ${identity.sourcePath}, ${identity.sourceUrl}, ${hash}, ${parsed.title}, ${parsed.outlet},
              ${parsed.publishedAt}::date, ${parsed.meetingDate}::date, ${parsed.dateEvidence}, ${parsed.place}, ${parsed.countries}::text[],
              ${text}, ${JSON.stringify(parsed.analysedRanges)}::jsonb, ${storedById})
      on conflict ("contentHash") do nothing
      returning id
    ), participants as (
      insert into "Participant" ("meetingId", name, role, side)
      select meeting.id, p.name, p.role, p.side
        from meeting, jsonb_to_recordset(${JSON.stringify(dedupeParticipants(parsed.participants))}::jsonb) as p(name text, role text, side text)
    )
    select id from meeting`;
  return rows.length === 0 ? null : rows[0].id;
}
