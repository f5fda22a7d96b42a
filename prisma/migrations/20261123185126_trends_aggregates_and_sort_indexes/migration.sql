-- DropIndex
DROP INDEX "Pledge_mentionCount_idx";

-- DropIndex
DROP INDEX "Pledge_meetingCount_idx";

-- CreateTable
CREATE TABLE "PledgeYear" (
    "pledgeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "mentions" INTEGER NOT NULL,

    CONSTRAINT "PledgeYear_pkey" PRIMARY KEY ("pledgeId","year")
);

-- CreateTable
CREATE TABLE "TopicYear" (
    "topicId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "mentions" INTEGER NOT NULL,
    "pledges" INTEGER NOT NULL,

    CONSTRAINT "TopicYear_pkey" PRIMARY KEY ("topicId","year")
);

-- CreateIndex
CREATE INDEX "Pledge_mentionCount_meetingCount_idx" ON "Pledge"("mentionCount", "meetingCount");

-- CreateIndex
CREATE INDEX "Pledge_meetingCount_mentionCount_idx" ON "Pledge"("meetingCount", "mentionCount");

-- CreateIndex
CREATE INDEX "Pledge_topicId_meetingCount_idx" ON "Pledge"("topicId", "meetingCount");

-- AddForeignKey
ALTER TABLE "PledgeYear" ADD CONSTRAINT "PledgeYear_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicYear" ADD CONSTRAINT "TopicYear_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill the aggregates for data ingested before this migration.
INSERT INTO "PledgeYear" ("pledgeId", "year", "topicId", "mentions")
SELECT m."pledgeId", extract(year FROM mt."meetingDate")::int, p."topicId", count(*)::int
  FROM "Mention" m
  JOIN "Meeting" mt ON mt."id" = m."meetingId"
  JOIN "Pledge" p ON p."id" = m."pledgeId"
 WHERE m."review" <> 'REJECTED' AND p."mergedIntoId" IS NULL
 GROUP BY 1, 2, 3;

INSERT INTO "TopicYear" ("topicId", "year", "mentions", "pledges")
SELECT "topicId", "year", sum("mentions")::int, count(*)::int FROM "PledgeYear" GROUP BY 1, 2;
