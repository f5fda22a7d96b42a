-- DropIndex
DROP INDEX "Mention_pledgeId_idx";

-- CreateIndex
-- A candidate's first few live wordings ("order by id limit 8" among its mentions) are read in id
-- order from this index, and stop after the eighth. With an index on "pledgeId" alone the planner
-- may instead walk every mention in id order looking for the pledge's, a cost that grows with the
-- corpus. The index also answers every lookup by "pledgeId" the old one did.
CREATE INDEX "Mention_pledgeId_id_idx" ON "Mention"("pledgeId", "id");

