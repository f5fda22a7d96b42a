-- DropIndex
DROP INDEX "Pledge_linkKeys_idx";

-- AlterTable
ALTER TABLE "Pledge" ADD COLUMN     "retrievalKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Backfill: pledges stored before this change are filed under every key term, both as an object
-- and as a field. That finds at least what the old index found, and pledges touched by later ingestion
-- add their precise keys.
UPDATE "Pledge" p
   SET "retrievalKeys" = (
     SELECT coalesce(array_agg(DISTINCT k), ARRAY[]::TEXT[])
       FROM (SELECT p."countryPair" || ':' || key AS k FROM unnest(p."linkKeys") AS key
             UNION ALL
             SELECT p."countryPair" || ':~' || key FROM unnest(p."linkKeys") AS key) keys);

-- CreateIndex
-- Without the fast-update pending list: every candidate lookup would scan that list in full, and
-- ingestion looks candidates up for every mention.
CREATE INDEX "Pledge_retrievalKeys_idx" ON "Pledge" USING GIN ("retrievalKeys") WITH (fastupdate = off);

