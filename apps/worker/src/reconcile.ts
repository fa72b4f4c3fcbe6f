/**
 * Safety net for lost jobs (a Redis that restarted without its data, a crash between writing a run and
 * enqueueing it) and for jobs that gave up without closing their run (their worker died first):
 * re-enqueues runs the database says are waiting or running but Redis has no job of their current
 * attempt for, and fails those whose job failed for good. Enqueueing is idempotent (jobId = runId), so
 * every worker may run this at once.
 */
import { type Db, finishRun, listRunsToReconcile } from "@actlab/db";
import { jobAttempt, replaceRunJob, type TrainQueue } from "@actlab/queue";
import { describeJobFailure } from "./job-failure";

export type Reconciled = { requeued: string[]; failed: string[] };

export async function reconcileRuns(db: Db, queue: TrainQueue, staleAfterMs: number): Promise<Reconciled> {
  const candidates = await listRunsToReconcile(db, {
    // A run queued moments ago may still be on its way into Redis.
    queuedBefore: new Date(Date.now() - 5_000),
    staleBefore: new Date(Date.now() - staleAfterMs),
  });
  const done: Reconciled = { requeued: [], failed: [] };
  for (const { id, attempt } of candidates) {
    const job = await queue.getJob(id);
    if (!job || jobAttempt(job) !== attempt) {
      // A job an earlier attempt left (a retry interrupted before it queued its own) is replaced.
      if (await replaceRunJob(queue, id, attempt, 0)) done.requeued.push(id);
      continue;
    }
    if ((await job.getState()) !== "failed") continue;
    const message = describeJobFailure(job.failedReason, job.attemptsMade);
    const log = { level: "error", text: message } as const;
    if (await finishRun(db, id, { status: "FAILED", error: message, attempt, log })) done.failed.push(id);
  }
  return done;
}
