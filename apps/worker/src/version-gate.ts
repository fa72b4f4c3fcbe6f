/**
 * A job queued by a web server of another code version is not trained here: it goes back to the queue
 * (delayed, so a worker of its version can take it) and its run's log says why, once per version pair.
 */
import os from "node:os";
import { appendRunLog, type Db } from "@actlab/db";
import { CODE_VERSION } from "@actlab/queue";
import { DelayedError, type SandboxedJob } from "bullmq";
import type { Redis } from "ioredis";

/** How long a refused job waits before any worker looks at it again. */
export const REFUSED_JOB_DELAY_MS = 10_000;

export function refusalMessage(jobVersion: string): string {
  return `worker on ${os.hostname()} runs Actlab ${CODE_VERSION}, but this run was queued by version ${jobVersion}: left in the queue for a worker of version ${jobVersion}`;
}

/** Returns normally for a job of this version (or of none); otherwise puts it back and throws DelayedError. */
export async function refuseOtherVersion(
  deps: { db: Db; redis: Redis },
  payload: { runId: string; version?: string | undefined },
  job: SandboxedJob,
  token?: string,
): Promise<void> {
  if (payload.version === undefined || payload.version === CODE_VERSION) return;
  // Moved first: whoever reads the log line finds the job already back in the queue.
  await job.moveToDelayed(Date.now() + REFUSED_JOB_DELAY_MS, token);
  const first = await deps.redis.set(
    `actlab:refused:${payload.runId}:${payload.version}:${CODE_VERSION}`,
    "1",
    "EX",
    3600,
    "NX",
  );
  if (first) await appendRunLog(deps.db, payload.runId, "warn", refusalMessage(payload.version));
  // Tells BullMQ the job was moved, not failed: no attempt is spent.
  throw new DelayedError();
}
