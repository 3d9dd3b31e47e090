-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "accountVoting" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "minAge" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "residencyRule" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "VoterCode" ADD COLUMN     "userId" TEXT;

-- AlterTable
ALTER TABLE "Participation" ADD COLUMN     "site" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "VoterCode_cycleId_userId_key" ON "VoterCode"("cycleId", "userId");

-- AddForeignKey
ALTER TABLE "VoterCode" ADD CONSTRAINT "VoterCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

