-- CreateTable
CREATE TABLE "ArtifactChunk" (
    "runId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,

    PRIMARY KEY ("runId", "path", "seq"),
    CONSTRAINT "ArtifactChunk_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

