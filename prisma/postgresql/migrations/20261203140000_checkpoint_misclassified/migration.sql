-- AlterTable
ALTER TABLE "Checkpoint" ADD COLUMN "misclassified" TEXT;
