/**
 * Every background job as one record: the queue it goes on, its name there, and the zod schema of its
 * payload. Producers enqueue through the record; the worker binds a handler to it and parses `job.data`
 * with its schema before anything else.
 */
import type { z } from "zod";
import { JOB_NAMES, QUEUES, type QueueName } from "./constants";
import { ZTrainJob } from "./contracts";

export type JobContract<TSchema extends z.ZodType = z.ZodType> = Readonly<{
  queue: QueueName;
  name: string;
  schema: TSchema;
}>;

/** A job's payload once its schema has parsed it. */
export type JobPayload<C extends JobContract> = z.output<C["schema"]>;

/** Trains one attempt of one run; the job id is the run id. */
export const TRAIN_RUN_JOB = Object.freeze({
  queue: QUEUES.train,
  name: JOB_NAMES.trainRun,
  schema: ZTrainJob,
}) satisfies JobContract<typeof ZTrainJob>;

export type ParsedJobPayload<T> = { ok: true; payload: T } | { ok: false; problem: string };

/** Parses a job's data with its contract; a bad payload comes back as one line naming each wrong field. */
export function parseJobPayload<C extends JobContract>(
  contract: C,
  data: unknown,
): ParsedJobPayload<JobPayload<C>> {
  const parsed = contract.schema.safeParse(data);
  if (parsed.success) return { ok: true, payload: parsed.data as JobPayload<C> };
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`);
  return { ok: false, problem: `malformed job payload: ${issues.join("; ")}` };
}
