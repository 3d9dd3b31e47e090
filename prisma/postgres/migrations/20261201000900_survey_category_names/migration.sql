-- AlterTable
ALTER TABLE "SurveySetup" ADD COLUMN     "ethnicityNames" TEXT NOT NULL DEFAULT '{}';

