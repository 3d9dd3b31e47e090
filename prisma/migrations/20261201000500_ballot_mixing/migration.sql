-- Ballot mixing: a ballot is first stored sealed (SealedBallot), in the transaction that marks its
-- code used, then moved into Ballot with others in random order. Ballot loses its day and channel,
-- which could single out the one account or paper voter of a day in a district.

-- CreateTable
CREATE TABLE "SealedBallot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    CONSTRAINT "SealedBallot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SealedBallot_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "tracker" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    CONSTRAINT "Ballot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ballot_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_Ballot" ("choices", "cycleId", "districtId", "id", "tracker") SELECT "choices", "cycleId", "districtId", "id", "tracker" FROM "Ballot";
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
CREATE UNIQUE INDEX "Ballot_tracker_key" ON "Ballot"("tracker");
CREATE INDEX "Ballot_districtId_choices_idx" ON "Ballot"("districtId", "choices");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SealedBallot_cycleId_idx" ON "SealedBallot"("cycleId");

