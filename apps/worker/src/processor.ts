/**
 * BullMQ sandboxed processor: runs in its own child process, so training never blocks the parent's
 * lock renewal. Dispatches each job to its handler in the registry (`jobs.ts`), which parses the payload
 * before anything else; an unknown or malformed job fails alone, without retries, never the worker.
 */
import { type SandboxedJob, UnrecoverableError } from "bullmq";
import { findJobHandler } from "./jobs";

export default async function processJob(job: SandboxedJob, token?: string) {
  const handler = findJobHandler(job.queueName, job.name);
  if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${job.queueName}"`);
  return handler.run(job, token);
}
