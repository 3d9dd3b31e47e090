-- Spoiled paper ballots: received at a polling site, not countable (over the budget, too many
-- or too few choices, unreadable, blank, other), recorded so every paper ballot is accounted for.

-- Secret like Ballot (see 20261126041500_ballot_secrecy): a random id, the day only, no voter,
-- code or participation column. A rowid table would keep the rows in the order they were
-- entered, which would line them up with the Participation rows of the codes that came with
-- them; WITHOUT ROWID keeps them in the order of their random ids. (Hand-written: Prisma does
-- not model it.)
CREATE TABLE "SpoiledBallot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedOn" TEXT NOT NULL,
    CONSTRAINT "SpoiledBallot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SpoiledBallot_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
) WITHOUT ROWID;
CREATE INDEX "SpoiledBallot_districtId_idx" ON "SpoiledBallot"("districtId");

-- How many of a district's paper ballots were spoiled when it was counted, kept with the result.
-- (Added in place rather than by rebuilding the table: the column goes last either way.)
ALTER TABLE "TallyResult" ADD COLUMN "spoiledCount" INTEGER NOT NULL DEFAULT 0;
