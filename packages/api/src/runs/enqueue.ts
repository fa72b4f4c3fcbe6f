/**
 * The one policy for a run whose job could not be queued (Redis unreachable): the run is marked FAILED
 * with the reason, never left QUEUED with no job, and the caller gets SERVICE_UNAVAILABLE. The answer and
 * the run then agree that nothing started; runs.retry queues it again once the queue is back.
 */
import { finishRun } from "@actlab/db";
import { enqueueRun } from "@actlab/queue";
import { TRPCError } from "@trpc/server";
import type { ApiDeps } from "../context";

/** A stored QUEUED run and the attempt its job must carry (a new run's is 0). */
export type RunToQueue = { runId: string; attempt: number };

/**
 * Queues each run in order with `enqueue` (a plain enqueue by default). At the first failure, that run and
 * every run after it are failed, since none of them has a job; the runs before it keep theirs.
 */
export async function enqueueRunsOrFail(
  deps: ApiDeps,
  runs: readonly RunToQueue[],
  enqueue: (run: RunToQueue) => Promise<unknown> = (run) => enqueueRun(deps.queue, run.runId, run.attempt),
): Promise<void> {
  for (const [i, run] of runs.entries()) {
    try {
      await enqueue(run);
    } catch (err) {
      const unqueued = runs.slice(i);
      await failUnqueuedRuns(deps, unqueued, err as Error);
      const what = unqueued.length === 1 ? "the run is" : `${unqueued.length} runs are`;
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: `the job queue (Redis) is unreachable: ${what} marked failed, retry once it is back`,
        cause: err,
      });
    }
  }
}

async function failUnqueuedRuns(deps: ApiDeps, runs: readonly RunToQueue[], err: Error): Promise<void> {
  const error = `could not reach the queue: ${err.message}`;
  const log = { level: "error", text: error } as const;
  // Attempt-conditional: a newer attempt queued meanwhile (another retry) is left alone.
  for (const run of runs)
    await finishRun(deps.db, run.runId, { status: "FAILED", error, attempt: run.attempt, log });
}
