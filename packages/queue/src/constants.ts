/** Queue names, job options and pub/sub channel names shared by the web app and the workers. */
export const QUEUES = Object.freeze({ train: "train" } as const);
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job names within their queue. Redis stores each job's name: renaming one strands the jobs already queued. */
export const JOB_NAMES = Object.freeze({ trainRun: "run" } as const);

export const TRAIN_JOB_OPTIONS = Object.freeze({
  // A job that crashes a worker is retried from its last checkpoint; a deterministic failure is not.
  attempts: 3,
  backoff: { type: "fixed", delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
} as const);

/** Redis pub/sub channel of one run's live events. */
export const runChannel = (runId: string): string => `actlab:run:${runId}`;
/** A sweep's channel carries its runs' status and progress events (not their metric points). */
export const sweepChannel = (sweepId: string): string => `actlab:sweep:${sweepId}`;

/** Set by a worker that is shutting down: its running job checkpoints and goes back to the queue. */
export const handbackKey = (runId: string): string => `actlab:handback:${runId}`;
