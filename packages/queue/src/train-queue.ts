/** The "train" queue: one job per run, keyed by the run id so a run is never queued twice. */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUES, TRAIN_JOB_OPTIONS } from "./constants";
import { type TrainJob, ZTrainJob } from "./contracts";

export type TrainQueue = Queue<TrainJob>;

export function createTrainQueue(connection: Redis): TrainQueue {
  return new Queue<TrainJob>(QUEUES.train, { connection, defaultJobOptions: TRAIN_JOB_OPTIONS });
}

export async function enqueueRun(queue: TrainQueue, runId: string): Promise<void> {
  const job = ZTrainJob.parse({ runId });
  // jobId = runId: enqueueing the same run twice is a no-op while the first job exists.
  await queue.add("run", job, { jobId: job.runId });
}

/** Removes a run's job if it has not started; returns whether it was removed. */
export async function removeQueuedRun(queue: TrainQueue, runId: string): Promise<boolean> {
  const job = await queue.getJob(runId);
  if (!job) return false;
  const state = await job.getState();
  if (state !== "waiting" && state !== "delayed" && state !== "prioritized") return false;
  await job.remove();
  return true;
}
