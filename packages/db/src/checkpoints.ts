/** Checkpoints: the trainer's bytes per epoch, plus the weights (Float32 bytes) for drawing decision boundaries. */
import { encodeModelWeights, type MisclassifiedImages, type SavedModel } from "@actlab/core";
import { type Db, prisma } from "./client";

export async function saveCheckpoint(
  db: Db,
  input: {
    runId: string;
    epoch: number;
    step: number;
    bytes: Uint8Array;
    weights?: SavedModel;
    misclassified?: MisclassifiedImages;
  },
): Promise<void> {
  const data = {
    epoch: input.epoch,
    ...(input.misclassified === undefined ? {} : { misclassified: JSON.stringify(input.misclassified) }),
    bytes: new Uint8Array(input.bytes), // a copy on a plain ArrayBuffer, as Prisma's Bytes wants
    // A hand-back checkpoint carries no weights: keep those of an epoch checkpoint at the same step.
    ...(input.weights === undefined
      ? {}
      : { weightBytes: new Uint8Array(encodeModelWeights(input.weights)) }),
  };
  await db[prisma].checkpoint.upsert({
    where: { runId_step: { runId: input.runId, step: input.step } },
    update: data,
    create: { runId: input.runId, step: input.step, ...data },
  });
}

export async function latestCheckpoint(db: Db, runId: string) {
  const row = await db[prisma].checkpoint.findFirst({ where: { runId }, orderBy: { step: "desc" } });
  if (!row) return null;
  return { epoch: row.epoch, step: row.step, bytes: new Uint8Array(row.bytes) };
}

/** Where the newest checkpoint of a run stands, without reading its bytes; null when it has none. */
export async function latestCheckpointPosition(
  db: Db,
  runId: string,
): Promise<{ epoch: number; step: number } | null> {
  return db[prisma].checkpoint.findFirst({
    where: { runId },
    orderBy: { step: "desc" },
    select: { epoch: true, step: true },
  });
}

export async function deleteCheckpoints(db: Db, runId: string): Promise<void> {
  await db[prisma].checkpoint.deleteMany({ where: { runId } });
}
