-- AlterTable
ALTER TABLE "Checkpoint" ADD COLUMN "weightBytes" BLOB;
