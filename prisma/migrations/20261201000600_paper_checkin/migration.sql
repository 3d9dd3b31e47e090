-- CreateTable
CREATE TABLE "PaperBox" (
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "site" TEXT NOT NULL,
    "ballots" INTEGER NOT NULL DEFAULT 0,
    "spoiled" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("cycleId", "districtId", "site"),
    CONSTRAINT "PaperBox_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaperBox_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PaperBox_districtId_idx" ON "PaperBox"("districtId");


-- Paper ballots entered before check-in and ballot entry were separate acts came with their
-- voter's code: each paper participation so far had its ballot (counted, or spoiled with the
-- code) entered with it. Their boxes start full, so a code checked in before this change
-- lets no extra ballot in. (Hand-written; the split between counted and spoiled is not known,
-- so they all count as ballots here. The spoiled ones are counted in SpoiledBallot as before.)
INSERT INTO "PaperBox" ("cycleId", "districtId", "site", "ballots", "spoiled")
SELECT "cycleId", "districtId", "site", COUNT(*), 0 FROM "Participation" WHERE "channel" = 'paper' GROUP BY "cycleId", "districtId", "site";
