-- Ballots keep their choices as one canonical text column (proposal numbers,
-- rank order on ranked ballots, ascending otherwise) instead of one row per
-- choice. Existing ballots are converted before the old table goes.
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
);
INSERT INTO "new_Ballot" ("castOn", "channel", "cycleId", "districtId", "id", "tracker", "choices")
SELECT b."castOn", b."channel", b."cycleId", b."districtId", b."id", b."tracker",
       COALESCE((SELECT group_concat(n, ',') FROM (
         SELECT p."number" AS n FROM "BallotSelection" s JOIN "Proposal" p ON p."id" = s."proposalId"
         WHERE s."ballotId" = b."id" ORDER BY COALESCE(s."rank", 0), p."number")), '')
FROM "Ballot" b;
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
CREATE UNIQUE INDEX "Ballot_tracker_key" ON "Ballot"("tracker");
CREATE INDEX "Ballot_districtId_choices_idx" ON "Ballot"("districtId", "choices");
DROP TABLE "BallotSelection";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
