/**
 * What the next flush stores and then announces: metric points, epoch checkpoints, the newest progress and
 * the newest epoch's live weights. Short epochs (a spirals epoch trains in ~1 ms) share one transaction
 * and one round of events instead of paying both each epoch.
 */
import type { CheckpointInput } from "@actlab/db";
import type { MetricPoint, RunEvent, RunProgress } from "@actlab/queue";

export type PendingBatch = {
  points: MetricPoint[];
  checkpoints: CheckpointInput[];
  progress: RunProgress | null;
  /** Only the newest: a page draws at most every 250 ms and asks for any other epoch it wants. */
  liveWeights: RunEvent | null;
};

export function createPendingRecords() {
  let points: MetricPoint[] = [];
  let checkpoints = new Map<number, CheckpointInput>();
  let checkpointBytes = 0;
  let progress: RunProgress | null = null;
  let liveWeights: RunEvent | null = null;
  return {
    push(key: string, step: number, value: number, wallMs: number) {
      points.push({ key, step, value, wallMs });
    },
    pushAll(metrics: Record<string, number>, step: number, wallMs: number) {
      for (const [key, value] of Object.entries(metrics)) points.push({ key, step, value, wallMs });
    },
    /** A later checkpoint at the same step (the final one) replaces the earlier one. */
    checkpoint(checkpoint: CheckpointInput, live: RunEvent | null) {
      checkpointBytes +=
        checkpoint.bytes.byteLength - (checkpoints.get(checkpoint.step)?.bytes.byteLength ?? 0);
      checkpoints.set(checkpoint.step, checkpoint);
      liveWeights = live ?? liveWeights;
    },
    progress(now: RunProgress) {
      progress = now;
    },
    /** Checkpoint bytes held: a large network's must not pile up between flushes. */
    get checkpointBytes() {
      return checkpointBytes;
    },
    /** Everything held, in step order, and a fresh start. */
    take(): PendingBatch {
      const batch = { points, checkpoints: [...checkpoints.values()], progress, liveWeights };
      points = [];
      checkpoints = new Map();
      checkpointBytes = 0;
      progress = null;
      liveWeights = null;
      return batch;
    },
  };
}
