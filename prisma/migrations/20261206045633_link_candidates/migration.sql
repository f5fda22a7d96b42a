-- CreateTable
CREATE TABLE "LinkCandidate" (
    "id" SERIAL NOT NULL,
    "mentionId" INTEGER NOT NULL,
    "pledgeId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "LinkCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkCandidate_pledgeId_idx" ON "LinkCandidate"("pledgeId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCandidate_mentionId_rank_key" ON "LinkCandidate"("mentionId", "rank");

-- AddForeignKey
ALTER TABLE "LinkCandidate" ADD CONSTRAINT "LinkCandidate_mentionId_fkey" FOREIGN KEY ("mentionId") REFERENCES "Mention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCandidate" ADD CONSTRAINT "LinkCandidate_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

