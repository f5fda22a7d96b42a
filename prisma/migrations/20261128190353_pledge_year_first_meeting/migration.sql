-- AlterTable: added empty, filled from each row's first mention, then required
ALTER TABLE "PledgeYear" ADD COLUMN     "firstMeetingId" INTEGER;

UPDATE "PledgeYear" py SET "firstMeetingId" = m."meetingId" FROM "Mention" m WHERE m."id" = py."firstMentionId";

ALTER TABLE "PledgeYear" ALTER COLUMN "firstMeetingId" SET NOT NULL;
