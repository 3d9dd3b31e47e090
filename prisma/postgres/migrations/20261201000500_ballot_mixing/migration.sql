-- Ballot mixing: a ballot is first stored sealed (SealedBallot), in the transaction that marks its
-- code used, then moved into Ballot with others in random order. Ballot loses its day and channel,
-- which could single out the one account or paper voter of a day in a district.

-- AlterTable
ALTER TABLE "Ballot" DROP COLUMN "castOn",
DROP COLUMN "channel";

-- CreateTable
CREATE TABLE "SealedBallot" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "SealedBallot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SealedBallot_cycleId_idx" ON "SealedBallot"("cycleId");

-- AddForeignKey
ALTER TABLE "SealedBallot" ADD CONSTRAINT "SealedBallot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealedBallot" ADD CONSTRAINT "SealedBallot_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

