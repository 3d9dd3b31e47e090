-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

