import { prisma, type Db } from "@/server/db";

/** The topics an analyst can file a pledge under. */
export async function listTopics(db: Db = prisma()) {
  return db.topic.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
}
