import type { StoryEvent } from "@/server/queries/pledge-story";
import { statusLabel } from "@/lib/status";

const str = (value: unknown) => (typeof value === "string" ? value : null);
const num = (value: unknown) => (typeof value === "number" ? value : null);
const quoted = (value: unknown) => (str(value) ? `“${value}”` : "");
const review = (value: unknown) => (str(value) ? String(value).toLowerCase() : "unreviewed");
const list = (value: unknown) => (Array.isArray(value) ? value.join(" and ") : "none");

function pledgeName(id: unknown, title: unknown): string {
  return `pledge ${num(id) ?? "?"}${str(title) ? ` ${quoted(title)}` : ""}`;
}

/**
 * Which pledge each CREATED entry belonged to when a merge brought it here: a merged-in pledge's
 * first entry is told as that pledge's, so "first recorded" is never said twice of one pledge.
 */
export function mergedOrigins(events: StoryEvent[]): Map<number, { id: number; title: string | null }> {
  const origins = new Map<number, { id: number; title: string | null }>();
  for (const event of events) {
    if (event.kind !== "MERGED" || !Array.isArray(event.data.eventIds)) continue;
    for (const id of event.data.eventIds) {
      if (typeof id === "number") origins.set(id, { id: num(event.data.mergedId) ?? 0, title: str(event.data.mergedTitle) });
    }
  }
  return origins;
}

/** One history entry in words: what it was before and after. */
export function describeEvent(event: StoryEvent, origins: Map<number, { id: number; title: string | null }>, isFirstCreated: boolean): string {
  const d = event.data;
  switch (event.kind) {
    case "CREATED": {
      const origin = origins.get(event.id);
      if (origin) return `Pledge ${origin.id}${origin.title ? ` “${origin.title}”` : ""} first recorded (later merged into this one)`;
      if (!isFirstCreated) return "A pledge later merged into this one was first recorded";
      if (num(d.splitFromPledgeId)) return `Pledge first recorded, for mention ${d.mentionId} moved out of pledge ${d.splitFromPledgeId}`;
      return "Pledge first recorded";
    }
    case "STATUS_CHANGED":
      return `Status changed from ${event.fromStatus ? statusLabel(event.fromStatus) : "none"} to ${event.toStatus ? statusLabel(event.toStatus) : "none"}`;
    case "RENAMED":
      return `Title changed from ${quoted(d.from)} to ${quoted(d.to)}`;
    case "TOPIC_CHANGED":
      return `Topic changed from ${str(d.from) ?? "?"} to ${str(d.to) ?? "?"}`;
    case "ACTORS_CHANGED":
      return `Actors changed from ${list(d.from)} to ${list(d.to)}`;
    case "MERGED": {
      const before = d.before as { mentionCount?: number; meetingCount?: number } | undefined;
      const after = d.after as { mentionCount?: number; meetingCount?: number } | undefined;
      const counts = before && after ? `: mentions ${before.mentionCount} → ${after.mentionCount}, meetings ${before.meetingCount} → ${after.meetingCount}` : "";
      return `P${pledgeName(d.mergedId, d.mergedTitle).slice(1)} merged into this one${counts}`;
    }
    case "MENTION_MOVED":
      return `Mention ${d.mentionId} moved from ${pledgeName(d.fromPledgeId, d.fromTitle)} to ${pledgeName(d.toPledgeId, d.toTitle)}${d.createdPledge ? " (a new pledge)" : ""}`;
    case "MENTION_REJECTED":
      return `Mention ${d.mentionId} marked “not a pledge” (review: ${review(d.previousReview)} → rejected)`;
    case "LINK_ACCEPTED":
      return `Link of mention ${d.mentionId} confirmed (review: ${review(d.previousReview)} → accepted)`;
    case "UNDONE":
      return `Undone: ${str(d.summary) ?? "an earlier change"}`;
    default:
      return event.kind;
  }
}
