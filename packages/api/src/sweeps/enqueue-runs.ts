/** Enqueues a sweep's new runs: one job per run, ids are the run ids, so a repeated enqueue is harmless. */
import { enqueueRun } from "@actlab/queue";
import { TRPCError } from "@trpc/server";
import type { ApiDeps } from "../context";

export async function enqueueSweepRuns(deps: ApiDeps, runIds: readonly string[]): Promise<void> {
  try {
    for (const runId of runIds) await enqueueRun(deps.queue, runId);
  } catch {
    // Runs stay QUEUED in the database: every worker's reconciler enqueues them once Redis is back.
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "the job queue (Redis) is unreachable; the sweep will start when it is back",
    });
  }
}
