-- Ballot secrecy: a rowid table keeps ballots in the order they were cast, which lines
-- them up with the Participation rows (who voted). Rebuild Ballot WITHOUT ROWID, so its
-- rows live in the order of their random ids, and rewrite the rows in random order.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'online',
    "castOn" TEXT NOT NULL,
    "tracker" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    CONSTRAINT "Ballot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ballot_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_Ballot" ("id", "cycleId", "districtId", "channel", "castOn", "tracker", "choices")
SELECT "id", "cycleId", "districtId", "channel", "castOn", "tracker", "choices" FROM "Ballot" ORDER BY "id";
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
CREATE UNIQUE INDEX "Ballot_tracker_key" ON "Ballot"("tracker");
CREATE INDEX "Ballot_districtId_choices_idx" ON "Ballot"("districtId", "choices");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
