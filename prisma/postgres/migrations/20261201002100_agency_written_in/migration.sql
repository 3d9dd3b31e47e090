-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "writtenIn" TEXT NOT NULL DEFAULT 'en';

