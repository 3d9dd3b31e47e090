-- AlterTable
ALTER TABLE "SealedBallot" ADD COLUMN     "trackerKey" TEXT;

-- CreateTable
CREATE TABLE "PaperEntryUsed" (
    "hash" TEXT NOT NULL,

    CONSTRAINT "PaperEntryUsed_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "SealedBallot_trackerKey_key" ON "SealedBallot"("trackerKey");

