-- Voting with a verified account after a self-declaration, and paper ballots at polling sites.
ALTER TABLE "Cycle" ADD COLUMN "accountVoting" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Cycle" ADD COLUMN "minAge" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Cycle" ADD COLUMN "residencyRule" TEXT NOT NULL DEFAULT '';
ALTER TABLE "VoterCode" ADD COLUMN "userId" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "VoterCode_cycleId_userId_key" ON "VoterCode"("cycleId", "userId");
ALTER TABLE "Participation" ADD COLUMN "site" TEXT NOT NULL DEFAULT '';
