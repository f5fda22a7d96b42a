-- AlterEnum
ALTER TYPE "PledgeEventKind" ADD VALUE 'UNDONE';

-- AlterTable
ALTER TABLE "PledgeEvent" ADD COLUMN     "undoesId" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "PledgeEvent_undoesId_key" ON "PledgeEvent"("undoesId");

