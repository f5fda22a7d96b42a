-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "storedById" TEXT;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_storedById_fkey" FOREIGN KEY ("storedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

