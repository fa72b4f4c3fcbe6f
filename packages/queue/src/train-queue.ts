/** The "train" queue: one job per run, keyed by the run id so a run is never queued twice. */

import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { CODE_VERSION } from "./code-version";
import { TRAIN_JOB_OPTIONS } from "./constants";
import type { TrainJob } from "./contracts";
import { TRAIN_RUN_JOB } from "./jobs";

export type TrainQueue = Queue<TrainJob>;

export function createTrainQueue(connection: Redis): TrainQueue {
  return new Queue<TrainJob>(TRAIN_RUN_JOB.queue, { connection, defaultJobOptions: TRAIN_JOB_OPTIONS });
}

/** Queues `attempt` of a run (a new run's first attempt is 0). */
export async function enqueueRun(queue: TrainQueue, runId: string, attempt = 0): Promise<void> {
  const job = TRAIN_RUN_JOB.schema.parse({ runId, attempt, version: CODE_VERSION });
  // jobId = runId: enqueueing the same run twice is a no-op while the first job exists.
  await queue.add(TRAIN_RUN_JOB.name, job, { jobId: job.runId });
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

/** The attempt a job was queued for; null for a malformed payload (never the current attempt). */
export function jobAttempt(job: { data: unknown }): number | null {
  const parsed = TRAIN_RUN_JOB.schema.safeParse(job.data);
  return parsed.success ? parsed.data.attempt : null;
}

/**
 * Waits until no job of the run is active (its processor returned); false after `timeoutMs`. A canceled
 * or superseded attempt notices within a step, so a short wait covers it.
 */
export async function waitUntilRunJobIdle(
  queue: TrainQueue,
  runId: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(runId);
    if (!job || (await job.getState()) !== "active") return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Queues `attempt` of a run in place of the job an earlier attempt left (completed, failed, or still
 * stopping: then it is waited for). Returns false when that job would not stop in `timeoutMs`; the
 * reconciler replaces it later.
 */
export async function replaceRunJob(
  queue: TrainQueue,
  runId: string,
  attempt: number,
  timeoutMs: number,
): Promise<boolean> {
  const old = await queue.getJob(runId);
  if (old && jobAttempt(old) !== attempt) {
    if (!(await waitUntilRunJobIdle(queue, runId, timeoutMs))) return false;
    try {
      await old.remove();
    } catch {
      // Became active after all (locked): left to the reconciler. Already gone: nothing to replace.
      if (await queue.getJob(runId)) return false;
    }
  }
  await enqueueRun(queue, runId, attempt);
  return true;
}
