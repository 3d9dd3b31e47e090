-- AlterTable
ALTER TABLE "District" ADD COLUMN     "needWeight" INTEGER NOT NULL DEFAULT 100;

-- AlterTable
ALTER TABLE "Participation" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- CreateTable
CREATE TABLE "SurveySetup" (
    "cycleId" TEXT NOT NULL,
    "ethnicities" TEXT NOT NULL DEFAULT '[]',
    "census" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "SurveySetup_pkey" PRIMARY KEY ("cycleId")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL DEFAULT '',
    "gender" TEXT NOT NULL DEFAULT '',
    "homeLanguage" TEXT NOT NULL DEFAULT '',
    "ethnicities" TEXT NOT NULL DEFAULT '[]',
    "firstTime" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyTokenUsed" (
    "hash" TEXT NOT NULL,

    CONSTRAINT "SurveyTokenUsed_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "SurveyResponse_cycleId_idx" ON "SurveyResponse"("cycleId");

-- AddForeignKey
ALTER TABLE "SurveySetup" ADD CONSTRAINT "SurveySetup_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

