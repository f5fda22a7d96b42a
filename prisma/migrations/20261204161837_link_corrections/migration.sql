-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('MERGE', 'MOVE', 'REJECT');

-- CreateTable
CREATE TABLE "LinkCorrection" (
    "id" SERIAL NOT NULL,
    "countryPair" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "pledgeId" INTEGER NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "linked" BOOLEAN NOT NULL,
    "mentionId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkCorrection_wording_idx" ON "LinkCorrection"("wording");

-- CreateIndex
CREATE INDEX "LinkCorrection_eventId_idx" ON "LinkCorrection"("eventId");

-- AddForeignKey
ALTER TABLE "LinkCorrection" ADD CONSTRAINT "LinkCorrection_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

