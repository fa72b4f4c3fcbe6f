/**
 * The one registry of what the workers do: each job contract of @actlab/queue bound to its handler. The
 * handler only ever sees a payload its contract's schema parsed; a bad one fails that job alone, for good.
 */
import { type JobContract, type JobPayload, parseJobPayload, TRAIN_RUN_JOB } from "@actlab/queue";
import { type SandboxedJob, UnrecoverableError } from "bullmq";
import { trainRunJob } from "./train-run-job";

export type JobHandler = JobContract & {
  /** Parses the job's data, then hands the payload to the job's own handler. */
  run(job: SandboxedJob, token?: string): Promise<unknown>;
};

function bindHandler<C extends JobContract>(
  contract: C,
  handle: (payload: JobPayload<C>, job: SandboxedJob, token?: string) => Promise<unknown>,
): JobHandler {
  return {
    ...contract,
    async run(job, token) {
      const parsed = parseJobPayload(contract, job.data);
      if (!parsed.ok) throw new UnrecoverableError(parsed.problem);
      return handle(parsed.payload, job, token);
    },
  };
}

export const JOB_HANDLERS: readonly JobHandler[] = [bindHandler(TRAIN_RUN_JOB, trainRunJob)];

export function findJobHandler(queue: string, name: string): JobHandler | undefined {
  return JOB_HANDLERS.find((h) => h.queue === queue && h.name === name);
}
