/**
 * A job that failed for good must not leave its run open: the run is failed with the reason in words.
 * A dead training process (killed, out of memory) fails its job without a word from the process itself.
 */
import { type Db, finishRun, getRun } from "@actlab/db";
import { publishRunEvent, ZTrainJob } from "@actlab/queue";
import type { Job } from "bullmq";
import type { Redis } from "ioredis";

/** How BullMQ words a sandboxed process that exited in the middle of a job. */
const PROCESS_EXIT = /^Unexpected exit code: (\S+) signal: (\S+)/;

const times = (n: number) => (n === 1 ? "once" : `${n} times`);

export function describeJobFailure(reason: string | undefined, attemptsMade: number): string {
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

/** For the worker's `failed` event: once the job has no attempt left, its run ends FAILED. */
export async function failRunOfFailedJob(
  deps: { db: Db; redis: Redis },
  job: Job | undefined,
  err: Error,
): Promise<void> {
  const parsed = ZTrainJob.safeParse(job?.data);
  if (!job || !parsed.success || err.name === "WaitingError") return;
  const exhausted = err.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
  if (!exhausted) return;
  const { runId, attempt } = parsed.data;
  const run = await getRun(deps.db, runId);
  if (!run) return;
  const message = describeJobFailure(err.message, job.attemptsMade);
  const log = { level: "error", text: message } as const;
  if (!(await finishRun(deps.db, runId, { status: "FAILED", error: message, attempt, log }))) return;
  await publishRunEvent(deps.redis, { type: "status", runId, status: "FAILED", error: message }, run.sweepId);
}
