-- Survey mixing: answers are stored sealed, then moved into SurveyResponse with others in random order,
-- so the answers do not sit in the database next to the participation they follow.

-- CreateTable
CREATE TABLE "SealedSurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    CONSTRAINT "SealedSurveyResponse_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SealedSurveyResponse_cycleId_idx" ON "SealedSurveyResponse"("cycleId");

