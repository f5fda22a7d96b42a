import type { ExtractedMention } from "@/server/engine/extract-mentions";
import { LOW_CONFIDENCE } from "@/server/engine/link";
import { KEY_WEIGHT_SCALE, lookupKeys, MAX_CANDIDATES, MAX_PHRASES, planLinks, type StoredPledge } from "@/server/engine/plan-links";
import { verdictOf, wordingOf, type Correction } from "@/server/engine/corrections";
import { Prisma } from "@/server/generated/prisma/client";
import { addMeetingToStats } from "@/server/stats/pledge-stats";
import { CLEARER_BY, titleClarity } from "@/server/engine/titles";
import type { RawSql } from "@/server/sql-transaction";

type Tx = RawSql;

export interface LowConfidenceLink {
  mentionId: number;
  pledgeId: number;
  pledgeTitle: string;
  confidence: number;
  reason: string;
  quote: string;
}

/** What storing did (or, in a dry run, would do) with one mention. */
export interface MentionPlan {
  start: number;
  end: number;
  phraseStart: number;
  phraseEnd: number;
  phrase: string;
  /** "new": starts a pledge; "linked": joins a stored pledge; "kept": the same mention in the previous version, kept with its pledge and decisions. */
  kind: "new" | "linked" | "kept";
  /** Stored already rejected: an analyst marked this wording as not a pledge. */
  rejected?: boolean;
  /** The stored pledge it joins; null for a new pledge. */
  pledgeId: number | null;
  pledgeTitle: string;
  confidence: number;
  reason: string;
  /** For a new pledge: the earlier pledge it came closest to repeating, below the link threshold
   *  (it then waits in /review as a possible repeat). */
  closest?: { pledgeId: number; pledgeTitle: string; score: number; reason: string };
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
            -- Ranked and capped before anything else is read: the pledges' rows and wordings are then
            -- fetched for the few kept, by their ids, whatever the size of the corpus.
            select s.id, s."mentionCount", sum(${KEY_WEIGHT_SCALE}::int / s.frequency) as score
              from (select p.id, p."mentionCount", count(*) over (partition by u.k)::int as frequency
                      from "Pledge" p cross join lateral (select distinct unnest(p."retrievalKeys") as k) u
                     where p."retrievalKeys" && w.keys and p."mergedIntoId" is null and u.k = any(w.keys)) s
             group by s.id, s."mentionCount"
             order by score desc, s."mentionCount" desc, s.id
             limit ${MAX_CANDIDATES}) r on r.id = p.id
         order by r.score desc, r."mentionCount" desc, p.id) c`;
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
 * Plans every link in memory with the engine's one planner, then writes pledges, mentions and
 * history in a handful of set-based statements. A meeting stored for the first time also moves the
 * figures of its pledges; otherwise the caller refreshes them (`pledgeIds`) once all its changes are made.
 */
export async function linkMentions(
  tx: Tx,
  meetingId: number,
  mentions: ExtractedMention[],
  topicIds: Map<string, number>,
  { freshMeeting }: { freshMeeting: boolean },
): Promise<{ newPledges: number; linked: number; lowConfidence: LowConfidenceLink[]; plans: MentionPlan[]; pledgeIds: number[] }> {
  if (mentions.length === 0) return { newPledges: 0, linked: 0, lowConfidence: [], plans: [], pledgeIds: [] };
  const candidates = await findCandidates(tx, lookupKeys(mentions));
  const corrections = await findCorrections(tx, mentions, candidates);
  const plan = planLinks(mentions, candidates, corrections);
  const created = plan.created;
  const plans = plan.mentions;
  // A pledge this readout starts takes the clearest of its wordings here as its title.
  for (const c of created) {
    const best = clearestTitle(plans.filter((p) => p.pledgeRef === c.ref).map((p) => p.mention.title));
    if (best && titleClarity(best) >= titleClarity(c.title) + CLEARER_BY) c.title = best;
  }

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
    // The pledges and their creation in their history, in one statement.
    await tx.$executeRaw`
      with pledges as (
        insert into "Pledge" (id, title, "topicId", actors, giver, receiver, "countryPair", "linkKeys", "retrievalKeys", "updatedAt")
        select p.id, p.title, p."topicId", p.actors, p.giver, p.receiver, p."countryPair", p."linkKeys", p."retrievalKeys", now()
          from jsonb_to_recordset(${JSON.stringify(pledges)}::jsonb)
            as p(id int, title text, "topicId" int, actors text[], giver text, receiver text, "countryPair" text, "linkKeys" text[], "retrievalKeys" text[])
      )
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
  if (freshMeeting) await addMeetingToStats(tx, meetingId);
  await adoptClearerTitles(tx, meetingId, plans.filter((p) => p.pledgeRef > 0).map((p) => ({ pledgeId: p.pledgeRef, title: p.mention.title })));

  const mentionIds = new Map(inserted.map((r) => [r.phraseStart, r.id]));
  // The pledges each mention came close to, for /review: a new pledge's possible earlier self, a
  // doubtful link's rivals.
  const rivals = plans.flatMap((p) => {
    const mentionId = mentionIds.get(p.mention.phraseStart);
    if (p.rejected || mentionId === undefined) return [];
    return p.alternatives.map((a, i) => ({ mentionId, pledgeId: a.pledgeId, rank: i + 1, score: a.confidence, reason: a.reason }));
  });
  if (rivals.length > 0) {
    await tx.$executeRaw`
      insert into "LinkCandidate" ("mentionId", "pledgeId", rank, score, reason)
      select r."mentionId", r."pledgeId", r.rank, r.score, r.reason
        from jsonb_to_recordset(${JSON.stringify(rivals)}::jsonb) as r("mentionId" int, "pledgeId" int, rank int, score float8, reason text)`;
  }
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
  const outcomes: MentionPlan[] = plans.map(({ mention: m, pledgeRef, decision, rejected, alternatives }) => ({
    start: m.start,
    end: m.end,
    phraseStart: m.phraseStart,
    phraseEnd: m.phraseEnd,
    phrase: m.phrase,
    // Joining a pledge this same readout starts is part of a new pledge.
    kind: decision && pledgeRef > 0 ? "linked" : "new",
    pledgeId: pledgeRef > 0 ? pledgeRef : null,
    pledgeTitle: titles.get(pledgeRef > 0 ? pledgeRef : ids.get(pledgeRef)!) ?? m.title,
    confidence: decision ? decision.confidence : 1,
    reason: decision ? decision.reason : "first seen here: no earlier pledge matched",
    ...(rejected ? { rejected: true } : {}),
    ...(!decision && !rejected && alternatives[0]
      ? { closest: { pledgeId: alternatives[0].pledgeId, pledgeTitle: titles.get(alternatives[0].pledgeId) ?? "", score: alternatives[0].confidence, reason: alternatives[0].reason } }
      : {}),
  }));
  const pledgeIds = [...new Set(rows.map((r) => r.pledgeId!))];
  // A mention stored already rejected is neither a new pledge nor a link.
  const linked = plans.filter((p) => p.decision && !p.rejected).length;
  return { newPledges: created.length, linked, lowConfidence, plans: outcomes, pledgeIds };
}

function clearestTitle(titles: string[]): string | null {
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const title of titles) {
    const score = titleClarity(title);
    if (score > bestScore) [best, bestScore] = [title, score];
  }
  return best;
}

/**
 * A stored pledge whose new wording names it clearly better than its title does takes that
 * wording's title (never one an analyst chose), recorded in its history as a rename by ingestion.
 */
async function adoptClearerTitles(tx: Tx, meetingId: number, wordings: { pledgeId: number; title: string }[]): Promise<void> {
  if (wordings.length === 0) return;
  const byPledge = new Map<number, string[]>();
  for (const w of wordings) byPledge.set(w.pledgeId, [...(byPledge.get(w.pledgeId) ?? []), w.title]);
  const current = await tx.$queryRaw<{ id: number; title: string }[]>`
    select id, title from "Pledge" where id = any(${[...byPledge.keys()]}::int[]) and not "titleByAnalyst" and "mergedIntoId" is null`;
  const renames = current.flatMap(({ id, title }) => {
    const best = clearestTitle(byPledge.get(id)!);
    return best && best !== title && titleClarity(best) >= titleClarity(title) + CLEARER_BY ? [{ id, from: title, to: best }] : [];
  });
  if (renames.length === 0) return;
  await tx.$executeRaw`
    update "Pledge" p set title = r.to, version = p.version + 1, "updatedAt" = now()
      from jsonb_to_recordset(${JSON.stringify(renames)}::jsonb) as r(id int, "from" text, "to" text) where p.id = r.id`;
  await tx.$executeRaw`
    insert into "PledgeEvent" ("pledgeId", kind, data)
    select r.id, 'RENAMED', jsonb_build_object('from', r."from", 'to', r."to", 'by', 'ingestion', 'meetingId', ${meetingId}::int,
                                               'reason', 'a clearer wording of the pledge')
      from jsonb_to_recordset(${JSON.stringify(renames)}::jsonb) as r(id int, "from" text, "to" text)`;
}
