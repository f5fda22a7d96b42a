-- AlterTable: added empty, filled from the mentions, then required
ALTER TABLE "PledgeYear" ADD COLUMN     "firstMentionId" INTEGER;

-- Backfill: the lowest mention id in the earliest meeting of each pledge and year
UPDATE "PledgeYear" py SET "firstMentionId" = f.id
  FROM (
    SELECT DISTINCT ON (m."pledgeId", extract(year FROM mt."meetingDate")::int)
           m."pledgeId", extract(year FROM mt."meetingDate")::int AS year, m.id
      FROM "Mention" m JOIN "Meeting" mt ON mt."id" = m."meetingId"
     WHERE m."review" <> 'REJECTED'
     ORDER BY m."pledgeId", extract(year FROM mt."meetingDate")::int, mt."meetingDate", mt."id", m."id"
  ) f
 WHERE f."pledgeId" = py."pledgeId" AND f.year = py.year;

ALTER TABLE "PledgeYear" ALTER COLUMN "firstMentionId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "PledgeYear_year_pledgeId_idx" ON "PledgeYear"("year", "pledgeId");
