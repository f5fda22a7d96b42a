import { prisma } from "@/server/db";
import { loadPledgeRow, parseId } from "./pledge-story";

export type PledgeRoute = { kind: "found"; id: number } | { kind: "missing" } | { kind: "merged"; survivorId: number };

/**
 * Whether /pledges/[id] has a pledge to show, answered by one primary-key read before the page
 * streams, so a missing pledge gets a real 404 status and a merged one a real permanent redirect.
 * Merges always point at the final survivor, so one hop is enough.
 */
export async function pledgeRoute(rawId: string): Promise<PledgeRoute> {
  const id = parseId(rawId);
  if (id === null) return { kind: "missing" };
  // The same cached read the page then tells the story from: one read of the pledge per request.
  const row = await loadPledgeRow(id);
  if (!row) return { kind: "missing" };
  return row.mergedIntoId === null ? { kind: "found", id } : { kind: "merged", survivorId: row.mergedIntoId };
}

/** Whether /meetings/[id] has a meeting to show (see `pledgeRoute`). */
export async function meetingExists(rawId: string): Promise<boolean> {
  const id = parseId(rawId);
  if (id === null) return false;
  return (await prisma().meeting.count({ where: { id } })) > 0;
}
