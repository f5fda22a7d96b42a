-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "archivedMentions" JSONB,
ADD COLUMN     "primaryId" INTEGER,
ADD COLUMN     "replacedAt" TIMESTAMP(3),
ADD COLUMN     "replacedById" INTEGER,
ADD COLUMN     "sourcePath" TEXT,
ADD COLUMN     "sourceUrl" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "MeetingEvent" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingEvent_meetingId_createdAt_idx" ON "MeetingEvent"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "Meeting_sourceUrl_idx" ON "Meeting"("sourceUrl");

-- CreateIndex
CREATE INDEX "Meeting_sourcePath_idx" ON "Meeting"("sourcePath");

-- CreateIndex
CREATE INDEX "Meeting_primaryId_idx" ON "Meeting"("primaryId");

-- CreateIndex
CREATE INDEX "Meeting_replacedById_idx" ON "Meeting"("replacedById");

