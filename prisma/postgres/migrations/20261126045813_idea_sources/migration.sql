-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'online',
ADD COLUMN     "sourceNote" TEXT NOT NULL DEFAULT '';

