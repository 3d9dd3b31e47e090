-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SurveySetup" (
    "cycleId" TEXT NOT NULL PRIMARY KEY,
    "ethnicities" TEXT NOT NULL DEFAULT '[]',
    "ethnicityNames" TEXT NOT NULL DEFAULT '{}',
    "census" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "SurveySetup_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SurveySetup" ("census", "cycleId", "ethnicities") SELECT "census", "cycleId", "ethnicities" FROM "SurveySetup";
DROP TABLE "SurveySetup";
ALTER TABLE "new_SurveySetup" RENAME TO "SurveySetup";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

