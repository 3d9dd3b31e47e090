-- Spoiled paper ballots (see the SQLite migration of the same name). PostgreSQL has no WITHOUT ROWID;
-- like Ballot, the table has a random id and no column the database fills in (no serial, no time).

-- AlterTable
ALTER TABLE "TallyResult" ADD COLUMN     "spoiledCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SpoiledBallot" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedOn" TEXT NOT NULL,

    CONSTRAINT "SpoiledBallot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpoiledBallot_districtId_idx" ON "SpoiledBallot"("districtId");

-- AddForeignKey
ALTER TABLE "SpoiledBallot" ADD CONSTRAINT "SpoiledBallot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpoiledBallot" ADD CONSTRAINT "SpoiledBallot_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

