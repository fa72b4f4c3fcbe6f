/**
 * Gives a training the worker's idle cores: the worker publishes how many trainings it runs, and each
 * training process sizes its native thread pool to its share of the cores the others leave idle (one big
 * run gets them all, a sweep's last runs split them), read again every second. The bits of a training do
 * not depend on its thread count, so the count may change at any step.
 */
import type { Redis } from "ioredis";
import { z } from "zod";

/** Set by the worker in its training processes' environment: whose count of active trainings to read. */
export const WORKER_ID_VARIABLE = "ACTLAB_WORKER_PROCESS_ID";
export const ZWorkerProcessId = z.string().min(1).max(128);

export const CORE_SHARE_POLL_MS = 1000;

const activeRunsKey = (workerId: string) => `actlab:worker-active-runs:${workerId}`;

/** The worker's side: how many of its slots train now; gone `ttlMs` after its last renewal (a dead worker). */
export async function publishActiveRuns(redis: Redis, workerId: string, runs: number, ttlMs: number) {
  await redis.set(activeRunsKey(workerId), String(runs), "PX", ttlMs);
}

const ZActiveRuns = z.coerce.number().int().min(0);

/** A training process's side: the worker's active trainings, or null when unknown (no entry, Redis away). */
export async function readActiveRuns(redis: Redis, workerId: string): Promise<number | null> {
  try {
    const stored = await redis.get(activeRunsKey(workerId));
    const parsed = stored === null ? null : ZActiveRuns.safeParse(stored);
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * One core per active training, and the idle ones shared out evenly: 2 cores and one run give it 2
 * threads; 8 cores and 3 runs give each 1 + ⌊5 / 3⌋ = 2. Unknown (null) counts as a full worker: 1.
 */
export function threadsForRun(cores: number, activeRuns: number | null, maxThreads: number): number {
  if (activeRuns === null) return 1;
  const runs = Math.max(1, activeRuns); // this one is running, whatever the count says
  const idle = Math.max(0, cores - runs);
  return Math.max(1, Math.min(maxThreads, 1 + Math.floor(idle / runs)));
}

export type CoreShare = {
  cores: number;
  maxThreads: number;
  /** Must not throw: null when the count is unknown. */
  readActiveRuns(): Promise<number | null>;
  /** Sizes the training's thread pool. */
  apply(threads: number): void;
};

/** Applies the share now (awaited, before the first step) and again every `everyMs` until closed. */
export async function watchCoreShare(share: CoreShare, everyMs = CORE_SHARE_POLL_MS) {
  let closed = false;
  const update = async () => {
    const threads = threadsForRun(share.cores, await share.readActiveRuns(), share.maxThreads);
    if (!closed) share.apply(threads);
  };
  await update();
  let updating = false;
  const timer = setInterval(() => {
    if (updating) return;
    updating = true;
    void update().finally(() => {
      updating = false;
    });
  }, everyMs);
  return {
    close: () => {
      closed = true;
      clearInterval(timer);
    },
  };
}
