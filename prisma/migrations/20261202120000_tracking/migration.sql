-- AlterTable
ALTER TABLE "Project" ADD COLUMN "deletedAt" DATETIME;

-- CreateTable
CREATE TABLE "ProjectKeyTag" (
    "projectId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "key"),
    CONSTRAINT "ProjectKeyTag_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RunKeyTag" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("runId", "key"),
    CONSTRAINT "RunKeyTag_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RunInput" (
    "runId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "sourceType" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "schema" TEXT,
    "profile" TEXT,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("runId", "name", "digest"),
    CONSTRAINT "RunInput_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN rather than Prisma's table rebuild: additive, and merges with other migrations)
ALTER TABLE "Run" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'trainer';
ALTER TABLE "Run" ADD COLUMN "sourceUser" TEXT;
ALTER TABLE "Run" ADD COLUMN "deletedAt" DATETIME;

-- CreateIndex
CREATE INDEX "RunKeyTag_key_value_idx" ON "RunKeyTag"("key", "value");

