-- Survey mixing: answers are stored sealed, then moved into SurveyResponse with others in random order,
-- so the answers do not sit in the database next to the participation they follow.

-- CreateTable
CREATE TABLE "SealedSurveyResponse" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "SealedSurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SealedSurveyResponse_cycleId_idx" ON "SealedSurveyResponse"("cycleId");

-- AddForeignKey
ALTER TABLE "SealedSurveyResponse" ADD CONSTRAINT "SealedSurveyResponse_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

