/** Cancel and retry, shared by the runs and sweeps routers. */
import { cancelRuns, resetRunForRetry } from "@actlab/db";
import { cancelKey, enqueueRun, publishRunEvent, removeQueuedRun } from "@actlab/queue";
import type { ApiDeps } from "../context";

/** A day: long enough for any running job to see the flag, short enough not to pile up. */
const CANCEL_FLAG_TTL_S = 24 * 3600;

/**
 * Cancels open runs: queued jobs are removed before they start; running ones see the flag at their next
 * flush (every 200 ms) and stop. Returns the runs that were open.
 */
export async function cancelOpenRuns(deps: ApiDeps, runIds: string[]): Promise<string[]> {
  const canceled = await cancelRuns(deps.db, runIds);
  for (const runId of canceled) {
    await deps.redis.set(cancelKey(runId), "1", "EX", CANCEL_FLAG_TTL_S);
    await removeQueuedRun(deps.queue, runId);
    await publishRunEvent(deps.redis, { type: "status", runId, status: "CANCELED" });
  }
  return canceled;
}

/** Starts a finished run again from scratch under the same id. */
export async function retryRun(deps: ApiDeps, runId: string): Promise<void> {
  await deps.redis.del(cancelKey(runId));
  // The previous job (completed or failed) still holds the id: remove it so the new one is accepted.
  const old = await deps.queue.getJob(runId);
  if (old) await old.remove();
  await resetRunForRetry(deps.db, runId);
  await enqueueRun(deps.queue, runId);
  await publishRunEvent(deps.redis, { type: "status", runId, status: "QUEUED" });
}
