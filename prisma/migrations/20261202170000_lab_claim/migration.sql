-- AlterTable
ALTER TABLE "Sweep" ADD COLUMN "labClaim" TEXT;

-- CreateIndex
CREATE INDEX "Sweep_projectId_labClaim_createdAt_idx" ON "Sweep"("projectId", "labClaim", "createdAt");

