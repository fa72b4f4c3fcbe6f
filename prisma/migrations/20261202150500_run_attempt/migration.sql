-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "sweepId" TEXT,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "config" TEXT NOT NULL,
    "activation" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "codeVersion" TEXT,
    "error" TEXT,
    "summary" TEXT,
    "progress" TEXT,
    "epochsDone" INTEGER NOT NULL DEFAULT 0,
    "stepsDone" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "notes" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'trainer',
    "sourceUser" TEXT,
    "deletedAt" DATETIME,
    CONSTRAINT "Run_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Run_sweepId_fkey" FOREIGN KEY ("sweepId") REFERENCES "Sweep" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("activation", "codeVersion", "config", "createdAt", "dataset", "deletedAt", "epochsDone", "error", "finishedAt", "id", "name", "notes", "progress", "projectId", "seed", "source", "sourceUser", "startedAt", "status", "stepsDone", "summary", "sweepId", "updatedAt") SELECT "activation", "codeVersion", "config", "createdAt", "dataset", "deletedAt", "epochsDone", "error", "finishedAt", "id", "name", "notes", "progress", "projectId", "seed", "source", "sourceUser", "startedAt", "status", "stepsDone", "summary", "sweepId", "updatedAt" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE INDEX "Run_projectId_createdAt_idx" ON "Run"("projectId", "createdAt");
CREATE INDEX "Run_sweepId_idx" ON "Run"("sweepId");
CREATE INDEX "Run_status_idx" ON "Run"("status");
CREATE INDEX "Run_projectId_status_idx" ON "Run"("projectId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

