-- Participation and equity: the survey after voting, census shares, need weights for the
-- equity-weighted budget split, and the language each ballot was cast in.

-- The PB office's set-up of the survey for a cycle.
CREATE TABLE "SurveySetup" (
    "cycleId" TEXT NOT NULL PRIMARY KEY,
    "ethnicities" TEXT NOT NULL DEFAULT '[]',
    "census" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "SurveySetup_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Survey answers, anonymous like ballots (see 20261126041500_ballot_secrecy): a rowid table
-- keeps rows in the order they were written, and a voter answers the survey seconds after
-- casting a ballot, so the n-th answer would line up with the n-th ballot and the n-th
-- participation (who voted). WITHOUT ROWID keeps the rows in the order of their random ids.
-- No voter, code, participation or ballot column, and no time column at all.
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL DEFAULT '',
    "gender" TEXT NOT NULL DEFAULT '',
    "homeLanguage" TEXT NOT NULL DEFAULT '',
    "ethnicities" TEXT NOT NULL DEFAULT '[]',
    "firstTime" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "SurveyResponse_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
) WITHOUT ROWID;
CREATE INDEX "SurveyResponse_cycleId_idx" ON "SurveyResponse"("cycleId");

-- One-time survey tokens already used (hashed), in random order for the same reason.
CREATE TABLE "SurveyTokenUsed" (
    "hash" TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- Need weight of a district for the equity-weighted split, in hundredths (100 = 1.00).
ALTER TABLE "District" ADD COLUMN "needWeight" INTEGER NOT NULL DEFAULT 100;

-- The language a ballot was cast in (the voter's side only: Ballot rows stay as they are).
ALTER TABLE "Participation" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
