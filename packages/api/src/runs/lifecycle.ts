/** Cancel and retry, shared by the runs and sweeps routers. Either may follow the other at any moment. */
import { cancelRuns, resetRunForRetry } from "@actlab/db";
import { publishRunEvent, removeQueuedRun, replaceRunJob, waitUntilRunJobIdle } from "@actlab/queue";
import { TRPCError } from "@trpc/server";
import type { ApiDeps } from "../context";
import { enqueueRunsOrFail } from "./enqueue";

export const RETRYABLE_STATUSES = ["FAILED", "CANCELED", "DIVERGED"] as const;

/**
 * How long a retry waits for the canceled attempt's training process to stop: it reads the run's status
 * several times a second, so this covers a step of up to a few seconds.
 */
const STOPPING_WAIT_MS = 3000;

/**
 * Cancels open runs: queued jobs are removed before they start; running ones read the new status within
 * a step and stop. Returns the runs that were open.
 */
export async function cancelOpenRuns(deps: ApiDeps, runIds: string[]): Promise<string[]> {
  const canceled = await cancelRuns(deps.db, runIds);
  for (const runId of canceled) {
    await removeQueuedRun(deps.queue, runId);
    await publishRunEvent(deps.redis, { type: "status", runId, status: "CANCELED" });
  }
  return canceled;
}

/**
 * Starts a finished run again under the same id, as its next attempt: from scratch, or from its last
 * checkpoint (`resume`, keeping what it recorded). The job id can carry only one job, so an attempt still
 * stopping is waited for; one that will not stop gets a CONFLICT.
 */
export async function retryRun(
  deps: ApiDeps,
  runId: string,
  options: { resume?: { epoch: number; step: number } } = {},
): Promise<void> {
  if (!(await waitUntilRunJobIdle(deps.queue, runId, STOPPING_WAIT_MS)))
    throw new TRPCError({ code: "CONFLICT", message: "the run is still stopping, try again in a moment" });
  const attempt = await resetRunForRetry(deps.db, runId, { from: RETRYABLE_STATUSES, ...options });
  if (attempt === null)
    throw new TRPCError({ code: "CONFLICT", message: "the run was queued again meanwhile" });
  // Were the old job to start again meanwhile, it would see the new attempt and stop; if it has not
  // gone within the wait, the run stays QUEUED and the workers' reconciler replaces that job.
  await enqueueRunsOrFail(deps, [{ runId, attempt }], (run) =>
    replaceRunJob(deps.queue, run.runId, run.attempt, STOPPING_WAIT_MS),
  );
  await publishRunEvent(deps.redis, { type: "status", runId, status: "QUEUED" });
}
