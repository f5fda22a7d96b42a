import type { ExtractedMention } from "@/server/engine/extract-mentions";
import type { ParsedReadout } from "@/server/engine/parse-readout";
import { refreshPledgeStats } from "@/server/stats/pledge-stats";
import { Prisma } from "@/server/generated/prisma/client";
import { PLANNED_WITH_VALUES, type RawSql } from "@/server/sql-transaction";
import { linkMentions, type LowConfidenceLink, type MentionPlan } from "./link-mentions";
import { dropOrphanPledges } from "./orphan-pledges";

type Tx = RawSql;
type Parsed = Omit<ParsedReadout, "sentences">;

/** Where a readout came from, beyond its text. */
export interface ReadoutIdentity {
  sourceUrl: string | null;
  sourcePath: string | null;
}

/**
 * The locks that serialise the readouts of one meeting: its day and countries (every version by
 * its facts and every other outlet's source shares them), and its source URL and file path (a
 * version by address may correct the date). Readouts of other meetings never wait on each other
 * here; a batch in date order stores one day's meetings side by side.
 */
export function meetingLockKeys(meeting: { meetingDate: string; countries: string[]; sourceUrl?: string | null; sourcePath?: string | null }): string[] {
  // Sorted, as every taker of several of them takes them: in one order, never in a cycle.
  return [
    `meeting:${meeting.meetingDate}:${[...meeting.countries].sort().join("|")}`,
    ...(meeting.sourcePath ? [`path:${meeting.sourcePath}`] : []),
    ...(meeting.sourceUrl ? [`url:${meeting.sourceUrl}`] : []),
  ].sort();
}

export type RelatedMeeting =
  | { kind: "version"; id: number; version: number; primaryId: number | null; why: string }
  | { kind: "source"; primaryId: number };

/** A participant's family name as both sides' outlets print it (the last word, lower case). */
function familyName(name: string): string {
  const words = name.trim().toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? "";
}

/**
 * The stored meeting this readout belongs to, if any (current versions only).
 * - A new version of a stored readout: the same source URL, or the same file path, or the same
 *   meeting date, outlet and participants.
 * - Another outlet's readout of a stored meeting: the same date and countries, a different outlet,
 *   and the same people (by family name; one readout may name fewer of them than the other). A
 *   visit's other meetings that day, with someone else across the table, stay apart.
 */
export async function findRelatedMeeting(tx: Tx, meetingId: number, parsed: Parsed, identity: ReadoutIdentity): Promise<RelatedMeeting | null> {
  const names = [...new Set(parsed.participants.map((p) => p.name))].sort();
  const [version] = await tx.$queryRaw<{ id: number; version: number; primaryId: number | null; why: string }[]>`${Prisma.raw(PLANNED_WITH_VALUES)}
    select m.id, m.version, m."primaryId",
           case when m."sourceUrl" = ${identity.sourceUrl}::text then 'the same source URL'
                when m."sourcePath" = ${identity.sourcePath}::text then 'the same file'
                else 'the same meeting date, outlet and participants' end as why
      from "Meeting" m
     where m.id <> ${meetingId} and m."replacedById" is null
       and (m."sourceUrl" = ${identity.sourceUrl}::text
            or m."sourcePath" = ${identity.sourcePath}::text
            or (m."meetingDate" = ${parsed.meetingDate}::date and m.outlet = ${parsed.outlet}::text and cardinality(${names}::text[]) > 0
                and (select array_agg(p.name order by p.name) from "Participant" p where p."meetingId" = m.id) = ${names}::text[]))
     order by (m."sourceUrl" = ${identity.sourceUrl}::text) desc nulls last, (m."sourcePath" = ${identity.sourcePath}::text) desc nulls last, m.id desc
     limit 1`;
  if (version) return { kind: "version", ...version };

  const families = [...new Set(parsed.participants.map((p) => familyName(p.name)).filter((f) => f.length > 1))];
  if (!parsed.outlet || families.length === 0 || parsed.countries.length < 2) return null;
  const [source] = await tx.$queryRaw<{ primaryId: number }[]>`${Prisma.raw(PLANNED_WITH_VALUES)}
    select coalesce(m."primaryId", m.id) as "primaryId"
      from "Meeting" m
      cross join lateral (
        select coalesce(array_agg(distinct lower(regexp_replace(p.name, '^.*\\s', ''))), '{}') as families
          from "Participant" p where p."meetingId" = m.id) c
     where m.id <> ${meetingId} and m."replacedById" is null
       and m."meetingDate" = ${parsed.meetingDate}::date
       and m.countries @> ${parsed.countries}::text[] and m.countries <@ ${parsed.countries}::text[]
       and m.outlet is not null and m.outlet <> ${parsed.outlet}::text
       and cardinality(c.families) > 0
       and (c.families <@ ${families}::text[] or c.families @> ${families}::text[])
     order by m.id
     limit 1`;
  return source ? { kind: "source", primaryId: source.primaryId } : null;
}

/** Files the new readout as another source of a stored meeting. */
export async function joinMeeting(tx: Tx, meetingId: number, primaryId: number, userId: string | null): Promise<void> {
  await tx.$executeRaw`update "Meeting" set "primaryId" = ${primaryId} where id = ${meetingId}`;
  await tx.$executeRaw`
    insert into "MeetingEvent" ("meetingId", kind, "userId", data)
    select ${primaryId}, 'SOURCE_ADDED', ${userId}, jsonb_build_object('sourceId', id, 'outlet', outlet, 'sourceUrl', "sourceUrl", 'title', title)
      from "Meeting" where id = ${meetingId}`;
}

interface OldMention {
  id: number;
  pledgeId: number;
  phrase: string;
  phraseStart: number;
  phraseEnd: number;
  start: number;
  end: number;
  review: string;
  linkMethod: string;
}

/** Wording compared across versions: case, spacing and punctuation do not make a mention new. */
const sameWording = (phrase: string) => phrase.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * Replaces a stored readout by its new version (already inserted as `meetingId`). Mentions whose
 * wording is still there keep their row (and so their pledge, the analyst's decisions about them and
 * the history that names them), moved onto the new text; the new version's other mentions are linked
 * as usual; the old version's other mentions go. The old version keeps its text and a snapshot of its
 * mentions, and names its successor; other sources of the meeting follow the new version.
 */
export async function replaceVersion(
  tx: Tx,
  meetingId: number,
  previous: Extract<RelatedMeeting, { kind: "version" }>,
  mentions: ExtractedMention[],
  topicIds: Map<string, number>,
  userId: string | null,
): Promise<{ previousMeetingId: number; version: number; why: string; kept: number; dropped: number; newPledges: number; linked: number; lowConfidence: LowConfidenceLink[]; plans: MentionPlan[] }> {
  const version = previous.version + 1;
  await tx.$executeRaw`update "Meeting" set version = ${version}, "primaryId" = ${previous.primaryId} where id = ${meetingId}`;
  await tx.$executeRaw`update "Meeting" set "primaryId" = ${meetingId} where "primaryId" = ${previous.id}`;

  const old = await tx.$queryRaw<OldMention[]>`
    select id, "pledgeId", phrase, "phraseStart", "phraseEnd", start, "end", review::text, "linkMethod"::text
      from "Mention" where "meetingId" = ${previous.id} order by "phraseStart", id`;
  const unmatched = new Map<string, OldMention[]>();
  for (const m of old) unmatched.set(sameWording(m.phrase), [...(unmatched.get(sameWording(m.phrase)) ?? []), m]);
  const kept: { mention: ExtractedMention; old: OldMention }[] = [];
  const fresh: ExtractedMention[] = [];
  for (const mention of mentions) {
    const match = unmatched.get(sameWording(mention.phrase))?.shift();
    if (match) kept.push({ mention, old: match });
    else fresh.push(mention);
  }
  const keptIds = new Set(kept.map((k) => k.old.id));
  const dropped = old.filter((m) => !keptIds.has(m.id));

  // The old version's snapshot, then its mentions leave it: kept ones move, the rest are deleted.
  await tx.$executeRaw`
    update "Meeting" set "replacedById" = ${meetingId}, "replacedAt" = now(),
           "archivedMentions" = ${JSON.stringify(old.map(({ start, end, phraseStart, phraseEnd, pledgeId }) => ({ start, end, phraseStart, phraseEnd, pledgeId })))}::jsonb
     where id = ${previous.id}`;
  if (dropped.length > 0) await tx.$executeRaw`delete from "Mention" where id = any(${dropped.map((m) => m.id)}::int[])`;
  if (kept.length > 0) {
    const moves = kept.map(({ mention: m, old: o }) => ({
      id: o.id, quote: m.quote, start: m.start, end: m.end, phrase: m.phrase, phraseStart: m.phraseStart, phraseEnd: m.phraseEnd,
      sentenceIndex: m.sentenceIndex, speaker: m.speaker, side: m.side, cue: m.cue, firmness: m.firmness, specificity: m.specificity,
    }));
    await tx.$executeRaw`
      update "Mention" t set "meetingId" = ${meetingId}, quote = u.quote, start = u.start, "end" = u."end", phrase = u.phrase,
             "phraseStart" = u."phraseStart", "phraseEnd" = u."phraseEnd", "sentenceIndex" = u."sentenceIndex", speaker = u.speaker,
             side = u.side, cue = u.cue, firmness = u.firmness, specificity = u.specificity
        from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb)
          as u(id int, quote text, start int, "end" int, phrase text, "phraseStart" int, "phraseEnd" int, "sentenceIndex" int,
               speaker text, side text, cue text, firmness int, specificity int)
       where t.id = u.id`;
  }
  const linked = await linkMentions(tx, meetingId, fresh, topicIds, { freshMeeting: false });
  const touched = [...new Set([...old.map((m) => m.pledgeId), ...linked.pledgeIds])];
  await refreshPledgeStats(tx, touched);
  const orphans = await dropOrphanPledges(tx, old.map((m) => m.pledgeId));

  const titles = new Map(
    (await tx.$queryRaw<{ id: number; title: string }[]>`select id, title from "Pledge" where id = any(${kept.map((k) => k.old.pledgeId)}::int[])`).map((r) => [r.id, r.title]),
  );
  const keptPlans: MentionPlan[] = kept.map(({ mention: m, old: o }) => ({
    start: m.start, end: m.end, phraseStart: m.phraseStart, phraseEnd: m.phraseEnd, phrase: m.phrase,
    kind: "kept", pledgeId: o.pledgeId, pledgeTitle: titles.get(o.pledgeId) ?? "", confidence: 1,
    reason: `the same wording in version ${previous.version}: kept with its pledge${o.review !== "UNREVIEWED" || o.linkMethod === "ANALYST" ? " and the analyst's decision" : ""}`,
  }));
  await tx.$executeRaw`
    insert into "MeetingEvent" ("meetingId", kind, "userId", data)
    values (${meetingId}, 'REPLACED', ${userId}, ${JSON.stringify({
      previousMeetingId: previous.id,
      previousVersion: previous.version,
      version,
      why: previous.why,
      kept: kept.length,
      relinked: fresh.length,
      dropped: dropped.map((m) => ({ phrase: m.phrase, pledgeId: m.pledgeId, review: m.review, linkMethod: m.linkMethod })),
      removedPledges: orphans,
    })}::jsonb)`;
  return {
    previousMeetingId: previous.id,
    version,
    why: previous.why,
    kept: kept.length,
    dropped: dropped.length,
    newPledges: linked.newPledges,
    linked: linked.linked + kept.length,
    lowConfidence: linked.lowConfidence,
    plans: [...keptPlans, ...linked.plans].sort((a, b) => a.phraseStart - b.phraseStart),
  };
}
