-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenReason" TEXT;

