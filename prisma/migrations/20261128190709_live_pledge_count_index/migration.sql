-- DropIndex
DROP INDEX "Pledge_mergedIntoId_idx";

-- CreateIndex
CREATE INDEX "Pledge_mergedIntoId_topicId_status_mentionCount_id_idx" ON "Pledge"("mergedIntoId", "topicId", "status", "mentionCount", "id");

