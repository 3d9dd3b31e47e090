-- AlterTable
ALTER TABLE "SealedBallot" ADD COLUMN "trackerKey" TEXT;

-- CreateTable (hand-edited: WITHOUT ROWID, as the other tables of used tokens, so no insertion order is kept)
CREATE TABLE "PaperEntryUsed" (
    "hash" TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- CreateIndex
CREATE UNIQUE INDEX "SealedBallot_trackerKey_key" ON "SealedBallot"("trackerKey");

