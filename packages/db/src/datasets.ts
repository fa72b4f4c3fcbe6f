/** Uploaded datasets: their shape (what the launch budget checks) and their bytes (what a worker trains on). */
import { type Db, prisma } from "./client";

export type DatasetShape = { rows: number; features: number; classes: number };

export async function findDatasetShape(db: Db, datasetId: string): Promise<DatasetShape | null> {
  return db[prisma].dataset.findUnique({
    where: { id: datasetId },
    select: { rows: true, features: true, classes: true },
  });
}

/** The uploaded CSV text; null when there is no such dataset or it has no content. */
export async function readDatasetContent(db: Db, datasetId: string): Promise<string | null> {
  const row = await db[prisma].dataset.findUnique({ where: { id: datasetId }, select: { content: true } });
  return row?.content ?? null;
}
