-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

