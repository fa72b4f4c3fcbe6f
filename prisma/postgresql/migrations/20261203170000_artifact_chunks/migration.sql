-- CreateTable
CREATE TABLE "ArtifactChunk" (
    "runId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ArtifactChunk_pkey" PRIMARY KEY ("runId","path","seq")
);

-- AddForeignKey
ALTER TABLE "ArtifactChunk" ADD CONSTRAINT "ArtifactChunk_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

