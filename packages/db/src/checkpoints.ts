/** Checkpoints: the trainer's bytes per epoch, plus the weights (Float32 bytes) for drawing decision boundaries. */
import { encodeModelWeights, type MisclassifiedImages, type SavedModel } from "@actlab/core";
import { type Db, prisma, rawSql } from "./client";
import type { RawSql } from "./raw-sql";

/** One checkpoint of a run: the trainer's bytes at a step, and optionally what the run page draws from it. */
export type CheckpointInput = {
  epoch: number;
  step: number;
  bytes: Uint8Array;
  weights?: SavedModel;
  misclassified?: MisclassifiedImages;
};

export async function saveCheckpoint(db: Db, input: CheckpointInput & { runId: string }): Promise<void> {
  await db[rawSql].transaction((tx) => upsertCheckpoints(tx, input.runId, [input]));
}

// A hand-back checkpoint carries no weights or images: it keeps those of an epoch checkpoint at the same step.
const upsertCheckpointSql = (
  rows: number,
) => `INSERT INTO "Checkpoint" ("runId", "epoch", "step", "bytes", "weightBytes", "misclassified", "createdAt")
  VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?, ?)").join(", ")}
  ON CONFLICT ("runId", "step") DO UPDATE SET
    "epoch" = excluded."epoch",
    "bytes" = excluded."bytes",
    "weightBytes" = COALESCE(excluded."weightBytes", "Checkpoint"."weightBytes"),
    "misclassified" = COALESCE(excluded."misclassified", "Checkpoint"."misclassified")`;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Stores checkpoints inside the caller's transaction (raw SQL: Prisma's upsert cost ~3 ms a row here).
 * Their steps must differ: one statement cannot update a row twice.
 */
export async function upsertCheckpoints(
  tx: RawSql,
  runId: string,
  checkpoints: readonly CheckpointInput[],
): Promise<void> {
  const now = tx.dialect.timestampParam(new Date());
  const rows = checkpoints.map((c) => [
    runId,
    c.epoch,
    c.step,
    asBuffer(c.bytes),
    c.weights === undefined ? null : asBuffer(encodeModelWeights(c.weights)),
    c.misclassified === undefined ? null : JSON.stringify(c.misclassified),
    now,
  ]);
  // In-process SQLite: a prepared statement per row. A server: one statement for a flush's checkpoints (a
  // round trip each cost more than a short run's training); steps are unique within one call.
  const perStatement = tx.dialect.engine === "sqlite" ? 1 : 100;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await tx.run(upsertCheckpointSql(chunk.length), chunk.flat());
  }
}

export async function latestCheckpoint(db: Db, runId: string) {
  const row = await db[rawSql].get<{ epoch: number; step: number; bytes: Buffer }>(
    'SELECT "epoch", "step", "bytes" FROM "Checkpoint" WHERE "runId" = ? ORDER BY "step" DESC LIMIT 1',
    [runId],
  );
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
