/**
 * A job that failed for good must not leave its run open: the run is failed with the reason in words.
 * A dead training process (killed, out of memory) fails its job without a word from the process itself.
 */
import { type Db, finishRun, getRun } from "@actlab/db";
import { publishRunEvent, TRAIN_RUN_JOB } from "@actlab/queue";
import type { Job } from "bullmq";
import type { Redis } from "ioredis";

/** How BullMQ words a sandboxed process that exited in the middle of a job. */
const PROCESS_EXIT = /^Unexpected exit code: (\S+) signal: (\S+)/;

const times = (n: number) => (n === 1 ? "once" : `${n} times`);

/** V8 aborts a process whose heap reached its limit (SIGABRT; exit code 134 through a shell). */
export function diedOutOfMemory(reason: string | undefined): boolean {
  const exit = PROCESS_EXIT.exec(reason ?? "");
  return exit !== null && (exit[2] === "SIGABRT" || exit[1] === "134");
}

export function describeJobFailure(reason: string | undefined, attemptsMade: number): string {
  if (diedOutOfMemory(reason))
    return "the training process ran out of memory (over the heap limit ACTLAB_TRAINING_MEMORY_MB sets)";
  const exit = PROCESS_EXIT.exec(reason ?? "");
  if (!exit) return `the job failed ${times(attemptsMade)}: ${reason || "no reason given"}`;
  const [, code, signal] = exit;
  // SIGKILL is what the kernel's out-of-memory killer sends; nothing else in the process says so.
  const how =
    signal === "SIGKILL"
      ? "killed by SIGKILL / out of memory"
      : signal !== "null"
        ? `killed by ${signal}`
        : `exit code ${code}`;
  return `the training process died ${times(attemptsMade)} (${how})`;
}

/**
 * For the worker's `failed` event: once the job has no attempt left, its run ends FAILED. Out of memory
 * ends it at once: the same network would only outgrow the same limit again.
 */
export async function failRunOfFailedJob(
  deps: { db: Db; redis: Redis },
  job: Job | undefined,
  err: Error,
): Promise<void> {
  const parsed = TRAIN_RUN_JOB.schema.safeParse(job?.data);
  if (!job || !parsed.success || err.name === "WaitingError") return;
  const outOfMemory = diedOutOfMemory(err.message);
  const exhausted = err.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
  if (!exhausted && !outOfMemory) return;
  const { runId, attempt } = parsed.data;
  const run = await getRun(deps.db, runId);
  if (!run) return;
  const message = describeJobFailure(err.message, job.attemptsMade);
  const log = { level: "error", text: message } as const;
  if (!(await finishRun(deps.db, runId, { status: "FAILED", error: message, attempt, log }))) return;
  // The retry BullMQ scheduled would find the run failed and do nothing: drop it instead.
  if (!exhausted) await job.remove().catch(() => {});
  await publishRunEvent(deps.redis, { type: "status", runId, status: "FAILED", error: message }, run.sweepId);
}
