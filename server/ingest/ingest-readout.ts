import { createHash } from "node:crypto";
import type { Db } from "@/server/db";
import { TOPICS } from "@/lib/topics";
import { addMeetingToStats } from "@/server/services/refresh-pledge-stats";
import { parseReadout, type ParsedReadout } from "./parse-readout";
import { extractMentions, type ExtractedMention } from "./extract-mentions";
import { chooseLink, retrievalKeySets, LOW_CONFIDENCE, type LinkDecision, type PledgeCandidate } from "./link";
import { decodeReadout, ReadoutError } from "./validate-readout";
import { sqlState, withSqlTransaction, type RawSql } from "./sql-transaction";

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

const MAX_CANDIDATES = 25;
export const MAX_LINK_KEYS = 48;
export const MAX_RETRIEVAL_KEYS = 64;

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
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

  try {
    const parsed = parseReadout(text, { meetingDate: options.meetingDate });
    if (!parsed.meetingDate) {
      const existing = await db.meeting.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (existing) return { file, status: "unchanged", meetingId: existing.id };
      throw new ReadoutError("no meeting date found in the text; give one with --date YYYY-MM-DD");
    }
    const mentions = extractMentions(text, parsed);
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

function dedupeParticipants<T extends { name: string }>(participants: T[]): T[] {
  const seen = new Set<string>();
  return participants.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

/** Inserts the meeting and its participants; null when a readout with the same content exists. */
async function insertMeeting(tx: Tx, file: string, hash: string, text: string, parsed: ParsedReadout): Promise<number | null> {
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

type CandidateRow = PledgeCandidate & { idx: number; retrievalKeys: string[] };
type Candidate = PledgeCandidate & { retrievalKeys: string[] };

/**
 * Link candidates for every mention of the readout in one round trip: for each
 * mention, the pledges filed under one of its retrieval keys (the GIN index on
 * "retrievalKeys" answers the overlap test; keys carry the country pair), most
 * overlapping first.
 */
async function findCandidates(tx: Tx, mentions: ExtractedMention[], keys: string[][]): Promise<Candidate[][]> {
  const wanted = mentions.map((_, idx) => ({ idx, keys: keys[idx] })).filter((w) => w.keys.length > 0);
  if (wanted.length === 0) return mentions.map(() => []);
  const rows = await tx.$queryRaw<CandidateRow[]>`
    select w.idx, c.*
      from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(idx int, keys text[])
      cross join lateral (
        select p.id, p.title, t.slug as topic, p.giver, p."countryPair", p."linkKeys", p."retrievalKeys",
               -- A few of its wordings are enough to score against; no sort, so a pledge with
               -- thousands of mentions costs no more than one with ten.
               coalesce((select array_agg(x.phrase) from (
                  select m.phrase from "Mention" m
                   where m."pledgeId" = p.id and m.review <> 'REJECTED'
                   limit 8) x), '{}') as phrases
          from "Pledge" p join "Topic" t on t.id = p."topicId"
         where p."retrievalKeys" && w.keys
           and p."mergedIntoId" is null
         order by cardinality(array(select unnest(p."retrievalKeys") intersect select unnest(w.keys))) desc,
                  p."mentionCount" desc
         limit ${MAX_CANDIDATES}) c`;
  const out: Candidate[][] = mentions.map(() => []);
  for (const { idx, ...candidate } of rows) out[idx].push(candidate);
  return out;
}

interface Planned {
  mention: ExtractedMention;
  /** An existing pledge id, or a negative placeholder for a pledge created by this readout. */
  pledgeRef: number;
  decision: LinkDecision | null;
}

/**
 * Decides every link in memory (a mention may also repeat a pledge that an
 * earlier sentence of the same readout started), then writes pledges, mentions,
 * history and refreshed figures in a handful of set-based statements.
 */
async function linkMentions(tx: Tx, meetingId: number, mentions: ExtractedMention[], topicIds: Map<string, number>) {
  if (mentions.length === 0) return { newPledges: 0, linked: 0, lowConfidence: [] };
  const keySets = mentions.map((m) => retrievalKeySets(m));
  const keys = keySets.map((k) => k.file);
  const candidates = await findCandidates(tx, mentions, keySets.map((k) => k.look));
  const created: (PledgeCandidate & { mention: ExtractedMention })[] = [];
  const plans: Planned[] = [];
  for (const [i, mention] of mentions.entries()) {
    const local = created.filter((c) => c.countryPair === mention.countryPair);
    const decision = chooseLink(mention, [...candidates[i], ...local]);
    if (decision) {
      plans.push({ mention, pledgeRef: decision.pledgeId, decision });
      const own = created.find((c) => c.id === decision.pledgeId);
      if (own) own.phrases.push(mention.phrase);
    } else {
      const ref = -(created.length + 1);
      created.push({ id: ref, title: mention.title, topic: mention.topic, giver: mention.giver, countryPair: mention.countryPair, linkKeys: mention.linkKeys, phrases: [mention.phrase], mention });
      plans.push({ mention, pledgeRef: ref, decision: null });
    }
  }

  const ids = new Map<number, number>();
  if (created.length > 0) {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      select nextval(pg_get_serial_sequence('"Pledge"', 'id'))::int as id from generate_series(1, ${created.length})`;
    created.forEach((c, i) => ids.set(c.id, rows[i].id));
    const pledges = created.map((c) => {
      const topicId = topicIds.get(c.topic) ?? topicIds.get("other");
      if (topicId === undefined) throw new Error(`topic ${c.topic} is missing; run ensureTopics first`);
      const m = c.mention;
      return {
        id: ids.get(c.id),
        title: c.title,
        topicId,
        actors: m.giver === "joint" ? m.countryPair.split("|") : [m.giver],
        giver: m.giver,
        receiver: m.receiver,
        countryPair: m.countryPair,
        linkKeys: [...new Set(plans.filter((p) => p.pledgeRef === c.id).flatMap((p) => p.mention.linkKeys))].slice(0, MAX_LINK_KEYS),
        retrievalKeys: [...new Set(plans.flatMap((p, i) => (p.pledgeRef === c.id ? keys[i] : [])))].slice(0, MAX_RETRIEVAL_KEYS),
      };
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

  // Existing pledges learn the new wording's key terms, so later paraphrases find them. Only
  // pledges that gain a key are rewritten: a plain repetition leaves the row (and its indexes) alone.
  const known = new Map(candidates.flat().map((c) => [c.id, c]));
  const grown = new Map<number, { keys: Set<string>; retrieval: Set<string> }>();
  for (const [i, plan] of plans.entries()) {
    const pledge = plan.pledgeRef > 0 ? known.get(plan.pledgeRef) : undefined;
    if (!pledge) continue;
    const newKeys = plan.mention.linkKeys.filter((k) => !pledge.linkKeys.includes(k));
    const newRetrieval = keys[i].filter((k) => !pledge.retrievalKeys.includes(k));
    if (!newKeys.length && !newRetrieval.length) continue;
    const entry = grown.get(pledge.id) ?? { keys: new Set<string>(), retrieval: new Set<string>() };
    newKeys.forEach((k) => entry.keys.add(k));
    newRetrieval.forEach((k) => entry.retrieval.add(k));
    grown.set(pledge.id, entry);
  }
  if (grown.size > 0) {
    const updates = [...grown].map(([id, g]) => ({ id, keys: [...g.keys], retrieval: [...g.retrieval] }));
    await tx.$executeRaw`
      update "Pledge" p set
        "linkKeys" = (select coalesce(array_agg(k), '{}') from (
            select k from (select distinct unnest(p."linkKeys" || u.keys) as k) d limit ${MAX_LINK_KEYS}) keys),
        "retrievalKeys" = (select coalesce(array_agg(k), '{}') from (
            select k from (select distinct unnest(p."retrievalKeys" || u.retrieval) as k) d limit ${MAX_RETRIEVAL_KEYS}) keys)
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id int, keys text[], retrieval text[])
       where p.id = u.id`;
  }

  const rows = plans.map(({ mention: m, pledgeRef, decision }) => ({
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
  }));
  const inserted = await tx.$queryRaw<{ id: number; phraseStart: number }[]>`
    insert into "Mention" ("pledgeId", "meetingId", quote, start, "end", phrase, "phraseStart", "phraseEnd", "sentenceIndex",
                           speaker, side, cue, firmness, specificity, confidence, "linkMethod", "linkReason")
    select r."pledgeId", ${meetingId}, r.quote, r.start, r."end", r.phrase, r."phraseStart", r."phraseEnd", r."sentenceIndex",
           r.speaker, r.side, r.cue, r.firmness, r.specificity, r.confidence, r."linkMethod"::"LinkMethod", r."linkReason"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r("pledgeId" int, quote text, start int, "end" int, phrase text, "phraseStart" int, "phraseEnd" int, "sentenceIndex" int,
             speaker text, side text, cue text, firmness int, specificity int, confidence float8, "linkMethod" text, "linkReason" text)
    on conflict ("meetingId", "phraseStart", "phraseEnd") do nothing
    returning id, "phraseStart"`;
  await addMeetingToStats(tx, meetingId);

  const mentionIds = new Map(inserted.map((r) => [r.phraseStart, r.id]));
  const titles = new Map<number, string>(candidates.flat().map((c) => [c.id, c.title]));
  for (const c of created) titles.set(ids.get(c.id)!, c.title);
  const lowConfidence: LowConfidenceLink[] = [];
  for (const plan of plans) {
    if (!plan.decision || plan.decision.confidence >= LOW_CONFIDENCE) continue;
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
  return { newPledges: created.length, linked: plans.length - created.length, lowConfidence };
}
