-- TODO: 20261201000000_participation_equity on SQLite has hand-written SQL (triggers or data changes): add its PostgreSQL form here.
-- DropForeignKey
ALTER TABLE "Idea" DROP CONSTRAINT "Idea_mergedIntoId_fkey";

-- DropForeignKey
ALTER TABLE "VoterCode" DROP CONSTRAINT "VoterCode_userId_fkey";

-- DropForeignKey
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_authorId_fkey";

-- DropForeignKey
ALTER TABLE "Follow" DROP CONSTRAINT "Follow_userId_fkey";

-- DropIndex
DROP INDEX "VoterCode_cycleId_userId_key";

-- AlterTable
ALTER TABLE "Cycle" DROP COLUMN "accountVoting",
DROP COLUMN "minAge",
DROP COLUMN "residencyRule";

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "needWeight" INTEGER NOT NULL DEFAULT 100;

-- AlterTable
ALTER TABLE "Idea" DROP COLUMN "hiddenAt",
DROP COLUMN "hiddenReason",
DROP COLUMN "mergedIntoId",
DROP COLUMN "source",
DROP COLUMN "sourceNote";

-- AlterTable
ALTER TABLE "VoterCode" DROP COLUMN "userId";

-- AlterTable
ALTER TABLE "Participation" DROP COLUMN "site",
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- DropTable
DROP TABLE "Comment";

-- DropTable
DROP TABLE "Follow";

-- DropTable
DROP TABLE "OutboxMessage";

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

