-- AlterTable
ALTER TABLE "ProjectMilestone" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "ProjectSpend" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

