import "server-only";
import { prisma, type Db } from "@/server/db";
import { isoDate } from "@/lib/format";
import { listTopics } from "./list-topics";

/**
 * What the analyst's edit panel needs beyond the story: every mention with its review state
 * (rejected ones too, so they can be taken back) and the topics to file under. The pledge itself
 * comes from the page's one read of it.
 */
export async function getPledgeEditor(pledgeId: number, db: Db = prisma()) {
  const [mentions, topics] = await Promise.all([
    db.mention.findMany({
      where: { pledgeId },
      select: { id: true, quote: true, confidence: true, linkMethod: true, review: true, meeting: { select: { title: true, meetingDate: true } } },
      orderBy: [{ meeting: { meetingDate: "asc" } }, { meetingId: "asc" }, { start: "asc" }],
    }),
    listTopics(db),
  ]);
  return {
    mentions: mentions.map((mention) => ({
      id: mention.id,
      quote: mention.quote,
      confidence: mention.confidence,
      linkMethod: mention.linkMethod,
      review: mention.review,
      meetingTitle: mention.meeting.title,
      meetingDate: isoDate(mention.meeting.meetingDate),
    })),
    topics,
  };
}

export type PledgeEditor = Awaited<ReturnType<typeof getPledgeEditor>>;
