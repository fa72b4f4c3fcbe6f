/**
 * Starts a worker's training processes before it takes its first job. A process's start (tsx, Prisma, the
 * native kernels) takes ~2 s here, which each slot's first run paid; BullMQ keeps a process for the next
 * job once it exists, but only forks one when a job arrives.
 */
import type { ChildPool, Worker } from "bullmq";

/**
 * Forks and initialises `count` processes in the worker's pool, then hands them back to it as free. The
 * pool is BullMQ's own (private in its types, the one BullMQ itself retains from), so crash handling and
 * reuse stay BullMQ's. Resolves to how many started; a process that fails to start is logged and left out:
 * the job that would have used it forks its own and fails with the reason, as before.
 */
export async function warmTrainingProcesses(worker: Worker, processorFile: string, count: number) {
  const pool = (worker as unknown as { childPool?: ChildPool }).childPool;
  if (!pool) return 0;
  const started = await Promise.allSettled(Array.from({ length: count }, () => pool.retain(processorFile)));
  let warm = 0;
  for (const s of started) {
    if (s.status === "fulfilled") {
      pool.release(s.value);
      warm++;
    } else console.error(`worker: a training process failed to start: ${(s.reason as Error).message}`);
  }
  return warm;
}
