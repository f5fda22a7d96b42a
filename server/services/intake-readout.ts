import { prisma, type Db } from "@/server/db";
import { intakeSchema, type IntakeInput } from "@/lib/schemas/intake";
import { ensureTopics, storeReadout, type MentionPlan } from "@/server/ingest/ingest-readout";
import { prepareInWorker } from "@/server/ingest/prepare-pool";
import { getMeetingTitles } from "@/server/queries/meeting-titles";
import { authorise, parseInput, type Actor } from "./actor";

/** How long one readout sent from the browser may take to be analysed. */
const BROWSER_TIMEOUT_MS = 30_000;

export interface IntakeFacts {
  title: string;
  meetingDate: string | null;
  dateEvidence: string;
  publishedAt: string | null;
  place: string | null;
  outlet: string | null;
  countries: string[];
  participants: { name: string; role: string | null; side: string | null }[];
}

interface Analysed {
  file: string;
  facts: IntakeFacts;
  text: string;
  analysedRanges: [number, number][];
}

/** What storing a readout sent from the browser would do (a preview) or did. */
export type IntakeResult =
  | { file: string; status: "failed"; reason: string }
  | (Analysed & { status: "needs-date"; reason: string })
  | { file: string; status: "unchanged"; meetingId: number; meetingTitle: string }
  | (Analysed & {
      status: "new" | "replaced";
      /** False for a preview: nothing was stored, and `meetingId` is only the one it would get. */
      stored: boolean;
      meetingId: number;
      plans: MentionPlan[];
      mentions: number;
      newPledges: number;
      linked: number;
      /** The stored version this readout replaces (`version` is that version's number). */
      replaces?: { meetingId: number; title: string; version: number; kept: number; dropped: number; why: string };
      joins?: { meetingId: number; title: string };
    });

/** The command line's advice, in the words of the form. */
function formWording(reason: string): string {
  return reason
    .replace(/ with --date YYYY-MM-DD/g, " in the meeting date field")
    .replace(/ \(raise the limit with --file-timeout\)/g, "");
}

/**
 * A readout pasted or uploaded in the browser, analysed in the worker with the same code as the
 * command line and linked in one transaction: rolled back for a preview (`dryRun`), committed
 * otherwise. Analysts and admins only. A bad readout comes back as a failure, never thrown.
 */
export async function intakeReadout(
  actor: Actor | null,
  input: unknown,
  bytes: Uint8Array,
  options: { dryRun: boolean },
  db: Db = prisma(),
): Promise<IntakeResult> {
  const who = authorise(actor, "ANALYST");
  const request: IntakeInput = parseInput(intakeSchema, input);
  const file = request.fileName;
  const overrides = {
    ...(request.outlet !== undefined && { outlet: request.outlet }),
    ...(request.place !== undefined && { place: request.place }),
    ...(request.participants !== undefined && { participants: request.participants }),
  };
  const [prepared] = await prepareInWorker([{ file, bytes, sourceUrl: request.sourceUrl ?? null }], { meetingDate: request.meetingDate, overrides, timeoutMs: BROWSER_TIMEOUT_MS });
  if ("status" in prepared) return { file, status: "failed", reason: formWording(prepared.reason) };

  // A date the analyst typed is recorded as theirs (the command line says "supplied by the caller").
  if (request.meetingDate) prepared.parsed.dateEvidence = `given by ${who.name}: ${request.meetingDate}`;
  const { analysedRanges, ...parsed } = prepared.parsed;
  const analysed: Analysed = { file, facts: parsed, text: prepared.text, analysedRanges };
  // A preview writes nothing, not even the topic rows; storing makes sure they exist.
  const topicIds = options.dryRun ? undefined : await ensureTopics(db);
  const outcome = await storeReadout(db, prepared, { topicIds, sourceUrl: request.sourceUrl ?? null, userId: who.id, dryRun: options.dryRun });

  if (outcome.status === "failed") {
    const reason = formWording(outcome.reason);
    return parsed.meetingDate === null ? { ...analysed, status: "needs-date", reason } : { file, status: "failed", reason };
  }
  const related = [outcome.meetingId, ...(outcome.status === "replaced" ? [outcome.previousMeetingId] : []), ...(outcome.status === "new" && outcome.sourceOf ? [outcome.sourceOf] : [])];
  const titles = await getMeetingTitles(related, db);
  const titleOf = (id: number) => titles.get(id)?.title ?? `meeting ${id}`;
  if (outcome.status === "unchanged") return { file, status: "unchanged", meetingId: outcome.meetingId, meetingTitle: titleOf(outcome.meetingId) };

  return {
    ...analysed,
    status: outcome.status,
    stored: !options.dryRun,
    meetingId: outcome.meetingId,
    plans: outcome.plans ?? [],
    mentions: outcome.mentions,
    newPledges: outcome.newPledges,
    linked: outcome.linked,
    ...(outcome.status === "replaced" && {
      replaces: { meetingId: outcome.previousMeetingId, title: titleOf(outcome.previousMeetingId), version: outcome.version - 1, kept: outcome.kept, dropped: outcome.dropped, why: outcome.why },
    }),
    ...(outcome.status === "new" && outcome.sourceOf ? { joins: { meetingId: outcome.sourceOf, title: titleOf(outcome.sourceOf) } } : {}),
  };
}
