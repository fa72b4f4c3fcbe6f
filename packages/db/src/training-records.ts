/**
 * The trainer's periodic write: the metric points, epoch checkpoints and progress gathered since its last
 * one, in one transaction. One commit instead of one per kind and epoch (a 60-epoch run on spirals wrote
 * ~240), and a reader who sees an epoch's points also finds its checkpoint.
 */
import { type CheckpointInput, upsertCheckpoints } from "./checkpoints";
import { type Db, rawSql } from "./client";
import { type MetricPoint, storeMetricPoints } from "./metrics";
import { type RunProgressRow, writeRunProgress } from "./runs";

export type TrainingRecords = {
  points: readonly MetricPoint[];
  checkpoints: readonly CheckpointInput[];
  progress?: RunProgressRow;
};

export async function recordTraining(db: Db, runId: string, records: TrainingRecords): Promise<void> {
  const { points, checkpoints, progress } = records;
  if (points.length === 0 && checkpoints.length === 0 && !progress) return;
  await db[rawSql].transaction(async (tx) => {
    await upsertCheckpoints(tx, runId, checkpoints);
    if (points.length > 0) await storeMetricPoints(tx, runId, points);
    if (progress) await writeRunProgress(tx, runId, progress);
  });
}
