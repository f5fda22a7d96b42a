import { createHash } from "node:crypto";
import type { Db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { TOPICS } from "@/lib/topics";
import { addMeetingToStats } from "@/server/stats/pledge-stats";
import { parseReadout, type ParsedReadout } from "@/server/engine/parse-readout";
import { extractMentions, type ExtractedMention } from "@/server/engine/extract-mentions";
import { LOW_CONFIDENCE } from "@/server/engine/link";
import { KEY_WEIGHT_SCALE, lookupKeys, MAX_CANDIDATES, MAX_PHRASES, planLinks, type StoredPledge } from "@/server/engine/plan-links";
import { verdictOf, wordingOf, type Correction } from "@/server/engine/corrections";
import { decodeReadout, ReadoutError } from "@/server/engine/validate-readout";
import { sqlState, withSqlTransaction, type RawSql } from "@/server/sql-transaction";

type Tx = RawSql;

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
  /** Topic ids by slug, when the caller already has them (saves a query per readout). */
  topicIds?: Map<string, number>;
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
export function prepareReadout(file: string, bytes: Uint8Array, options: Pick<IngestOptions, "meetingDate"> = {}): PreparedReadout | Failed {
  try {
    const text = decodeReadout(bytes);
    const { sentences: _sentences, ...parsed } = parseReadout(text, { meetingDate: options.meetingDate });
    const mentions = parsed.meetingDate ? extractMentions(text, { ...parsed, sentences: _sentences }) : [];
    return { file, text, hash: contentHash(text), parsed, mentions };
  } catch (error) {
    return { file, status: "failed", reason: (error as Error).message };
  }
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

/** Links and stores a prepared readout in one transaction. */
export async function storeReadout(db: Db, prepared: PreparedReadout, options: Pick<IngestOptions, "topicIds"> = {}): Promise<IngestOutcome> {
  const { file, text, hash, parsed, mentions } = prepared;
  try {
    if (!parsed.meetingDate) {
      const existing = await db.meeting.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (existing) return { file, status: "unchanged", meetingId: existing.id };
      throw new ReadoutError(`no meeting date found in the text (${parsed.dateEvidence}); give one with --date YYYY-MM-DD`);
    }
    refuseImpossibleDate(parsed.meetingDate, parsed.publishedAt);
    const topicIds = options.topicIds ?? (await topicIdsOf(db));

    return await withSqlTransaction(db, async (tx) => {
      const pairs = [...new Set(mentions.map((m) => m.countryPair))].sort();
      // Serialise linking per country pair, so two ingestion runs never both create the same pledge.
      const locks = [hash, ...pairs];
      // The planner cannot see the keys inside the candidate query's parameters and may choose a
      // sequential scan of every pledge, the one plan whose cost grows with the corpus; every
      // statement of this transaction is an index lookup. A stuck statement fails the readout.
      await tx.$queryRaw`select count(pg_advisory_xact_lock(hashtext(k))), set_config('enable_seqscan', 'off', true),
                                set_config('statement_timeout', '120s', true)
                           from unnest(${locks}::text[]) as k`;
      const meetingId = await insertMeeting(tx, file, hash, text, parsed);
      if (meetingId === null) {
        const [row] = await tx.$queryRaw<{ id: number }[]>`select id from "Meeting" where "contentHash" = ${hash}`;
        return { file, status: "unchanged" as const, meetingId: row.id };
      }
      const result = await linkMentions(tx, meetingId, mentions, topicIds);
      return { file, status: "new" as const, meetingId, meetingDate: parsed.meetingDate!, mentions: mentions.length, ...result };
    });
  } catch (error) {
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

/** Inserts the meeting and its participants; null when a readout with the same content exists. */
async function insertMeeting(tx: Tx, file: string, hash: string, text: string, parsed: PreparedReadout["parsed"]): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    insert into "Meeting" ("sourceName", "contentHash", title, outlet, "publishedAt", "meetingDate", "dateEvidence", place, countries, text, "analysedRanges")
    values (${file}, ${hash}, ${parsed.title}, ${parsed.outlet}, ${parsed.publishedAt}::date, ${parsed.meetingDate}::date,
            ${parsed.dateEvidence}, ${parsed.place}, ${parsed.countries}::text[], ${text}, ${JSON.stringify(parsed.analysedRanges)}::jsonb)
    on conflict ("contentHash") do nothing
    returning id`;
  if (rows.length === 0) return null;
  const meetingId = rows[0].id;
  const participants = dedupeParticipants(parsed.participants);
  if (participants.length > 0) {
    await tx.$executeRaw`
      insert into "Participant" ("meetingId", name, role, side)
      select ${meetingId}, p.name, p.role, p.side
        from jsonb_to_recordset(${JSON.stringify(participants)}::jsonb) as p(name text, role text, side text)`;
  }
  return meetingId;
}

type CandidateRow = StoredPledge & { idx: number };

/** A candidate pledge's columns and its first few live wordings, from "Pledge" p. */
const CANDIDATE = Prisma.sql`p.id, p.title, t.slug as topic, p.giver, p."countryPair", p."linkKeys", p."retrievalKeys", p."mentionCount",
       coalesce((select array_agg(x.phrase order by x.id) from (
          select m.id, m.phrase from "Mention" m
           where m."pledgeId" = p.id and m.review <> 'REJECTED'
           order by m.id limit ${MAX_PHRASES}) x), '{}') as phrases
  from "Pledge" p join "Topic" t on t.id = p."topicId"`;

/**
 * Link candidates for every mention of the readout in one round trip: for each mention, the live
 * pledges filed under one of its lookup keys (the GIN index on "retrievalKeys" answers the overlap
 * test; keys carry the country pair), ranked by weighted key overlap and capped as `rankCandidates`
 * says, with their first few live wordings.
 */
export async function findCandidates(tx: Tx, lookups: string[][]): Promise<StoredPledge[][]> {
  const wanted = lookups.map((keys, idx) => ({ idx, keys })).filter((w) => w.keys.length > 0);
  if (wanted.length === 0) return lookups.map(() => []);
  const rows = await tx.$queryRaw<CandidateRow[]>`
    select w.idx, c.*
      from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(idx int, keys text[])
      cross join lateral (
        select ${CANDIDATE}
          join (
            -- The pledges filed under a lookup key (one GIN lookup), each shared key counted once with
            -- the number of those pledges filed under it.
            select s.id, sum(${KEY_WEIGHT_SCALE}::int / s.frequency) as score
              from (select p.id, count(*) over (partition by u.k)::int as frequency
                      from "Pledge" p cross join lateral (select distinct unnest(p."retrievalKeys") as k) u
                     where p."retrievalKeys" && w.keys and p."mergedIntoId" is null and u.k = any(w.keys)) s
             group by s.id) r on r.id = p.id
         order by r.score desc, p."mentionCount" desc, p.id
         limit ${MAX_CANDIDATES}) c`;
  const out: StoredPledge[][] = lookups.map(() => []);
  for (const { idx, ...candidate } of rows) out[idx].push(candidate);
  return out;
}

/**
 * The analysts' labels on each mention's wording (index lookups on "LinkCorrection"."wording"), a
 * pledge merged since standing for its survivor; and every pledge a label links a wording to joins
 * that mention's candidates, after the ranked ones, so the planner can place the mention there.
 */
async function findCorrections(tx: Tx, mentions: ExtractedMention[], candidates: StoredPledge[][]): Promise<Correction[][]> {
  const wanted = mentions.map((m, idx) => ({ idx, wording: wordingOf(m.phrase, m.countryPair) })).filter((w) => w.wording !== null);
  const out: Correction[][] = mentions.map(() => []);
  if (wanted.length === 0) return out;
  const rows = await tx.$queryRaw<(Correction & { idx: number })[]>`
    select w.idx, c.id, coalesce(p."mergedIntoId", p.id) as "pledgeId", c.kind::text as kind, c.linked,
           to_char(c."createdAt", 'YYYY-MM-DD') as date
      from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(idx int, wording text)
      join "LinkCorrection" c on c.wording = w.wording
      join "Pledge" p on p.id = c."pledgeId"
     order by w.idx, c.id`;
  for (const { idx, ...c } of rows) out[idx].push(c);
  const missing = new Map<number, number>();
  out.forEach((labels, idx) => {
    const link = verdictOf(labels).link;
    if (link && !candidates[idx].some((p) => p.id === link.pledgeId)) missing.set(idx, link.pledgeId);
  });
  if (missing.size === 0) return out;
  const extra = await tx.$queryRaw<StoredPledge[]>`
    select ${CANDIDATE}
     where p.id = any(${[...new Set(missing.values())]}::int[])`;
  for (const [idx, id] of missing) {
    const pledge = extra.find((p) => p.id === id);
    if (pledge) candidates[idx].push(pledge);
  }
  return out;
}

/**
 * Plans every link in memory with the engine's one planner, then writes pledges, mentions,
 * history and refreshed figures in a handful of set-based statements.
 */
async function linkMentions(tx: Tx, meetingId: number, mentions: ExtractedMention[], topicIds: Map<string, number>) {
  if (mentions.length === 0) return { newPledges: 0, linked: 0, lowConfidence: [] };
  const candidates = await findCandidates(tx, lookupKeys(mentions));
  const corrections = await findCorrections(tx, mentions, candidates);
  const plan = planLinks(mentions, candidates, corrections);
  const created = plan.created;
  const plans = plan.mentions;

  const ids = new Map<number, number>();
  if (created.length > 0) {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      select nextval(pg_get_serial_sequence('"Pledge"', 'id'))::int as id from generate_series(1, ${created.length})`;
    created.forEach((c, i) => ids.set(c.ref, rows[i].id));
    const pledges = created.map((c) => {
      const topicId = topicIds.get(c.topic) ?? topicIds.get("other");
      if (topicId === undefined) throw new Error(`topic ${c.topic} is missing; run ensureTopics first`);
      const { ref, topic: _topic, ...pledge } = c;
      return { ...pledge, id: ids.get(ref), topicId };
    });
    await tx.$executeRaw`
      insert into "Pledge" (id, title, "topicId", actors, giver, receiver, "countryPair", "linkKeys", "retrievalKeys", "updatedAt")
      select p.id, p.title, p."topicId", p.actors, p.giver, p.receiver, p."countryPair", p."linkKeys", p."retrievalKeys", now()
        from jsonb_to_recordset(${JSON.stringify(pledges)}::jsonb)
          as p(id int, title text, "topicId" int, actors text[], giver text, receiver text, "countryPair" text, "linkKeys" text[], "retrievalKeys" text[])`;
    await tx.$executeRaw`
      insert into "PledgeEvent" ("pledgeId", kind, data)
      select id, 'CREATED', jsonb_build_object('meetingId', ${meetingId}::int, 'by', 'ingestion')
        from unnest(${pledges.map((p) => p.id)}::int[]) as id`;
  }

  // Stored pledges learn the new wording's keys, so later paraphrases find them. Only pledges
  // that gained a key are rewritten: a plain repetition leaves the row (and its indexes) alone.
  if (plan.grown.length > 0) {
    await tx.$executeRaw`
      update "Pledge" p set "linkKeys" = u."linkKeys", "retrievalKeys" = u."retrievalKeys"
        from jsonb_to_recordset(${JSON.stringify(plan.grown)}::jsonb) as u(id int, "linkKeys" text[], "retrievalKeys" text[])
       where p.id = u.id`;
  }

  const rows = plans.map(({ mention: m, pledgeRef, decision, rejected }) => ({
    pledgeId: pledgeRef > 0 ? pledgeRef : ids.get(pledgeRef),
    quote: m.quote,
    start: m.start,
    end: m.end,
    phrase: m.phrase,
    phraseStart: m.phraseStart,
    phraseEnd: m.phraseEnd,
    sentenceIndex: m.sentenceIndex,
    speaker: m.speaker,
    side: m.side,
    cue: m.cue,
    firmness: m.firmness,
    specificity: m.specificity,
    confidence: decision ? decision.confidence : 1,
    linkMethod: decision ? "AUTOMATIC" : "FIRST",
    linkReason: decision ? decision.reason : "first seen here: no earlier pledge matched",
    review: rejected ? "REJECTED" : "UNREVIEWED",
  }));
  const inserted = await tx.$queryRaw<{ id: number; phraseStart: number }[]>`
    insert into "Mention" ("pledgeId", "meetingId", quote, start, "end", phrase, "phraseStart", "phraseEnd", "sentenceIndex",
                           speaker, side, cue, firmness, specificity, confidence, "linkMethod", "linkReason", review)
    select r."pledgeId", ${meetingId}, r.quote, r.start, r."end", r.phrase, r."phraseStart", r."phraseEnd", r."sentenceIndex",
           r.speaker, r.side, r.cue, r.firmness, r.specificity, r.confidence, r."linkMethod"::"LinkMethod", r."linkReason", r.review::"ReviewState"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r("pledgeId" int, quote text, start int, "end" int, phrase text, "phraseStart" int, "phraseEnd" int, "sentenceIndex" int,
             speaker text, side text, cue text, firmness int, specificity int, confidence float8, "linkMethod" text, "linkReason" text, review text)
    on conflict ("meetingId", "phraseStart", "phraseEnd") do nothing
    returning id, "phraseStart"`;
  await addMeetingToStats(tx, meetingId);

  const mentionIds = new Map(inserted.map((r) => [r.phraseStart, r.id]));
  const titles = new Map<number, string>(candidates.flat().map((c) => [c.id, c.title]));
  for (const c of created) titles.set(ids.get(c.ref)!, c.title);
  const lowConfidence: LowConfidenceLink[] = [];
  for (const plan of plans) {
    if (!plan.decision || plan.rejected || plan.decision.confidence >= LOW_CONFIDENCE) continue;
    const pledgeId = plan.pledgeRef > 0 ? plan.pledgeRef : ids.get(plan.pledgeRef)!;
    lowConfidence.push({
      mentionId: mentionIds.get(plan.mention.phraseStart) ?? 0,
      pledgeId,
      pledgeTitle: titles.get(pledgeId) ?? "",
      confidence: plan.decision.confidence,
      reason: plan.decision.reason,
      quote: plan.mention.phrase,
    });
  }
  // A mention stored already rejected is neither a new pledge nor a link.
  return { newPledges: created.length, linked: plans.filter((p) => p.decision && !p.rejected).length, lowConfidence };
}
