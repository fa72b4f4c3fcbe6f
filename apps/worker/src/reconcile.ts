/**
 * Safety net for lost jobs (a Redis that restarted without its data, a crash between writing a run and
 * enqueueing it): re-enqueues runs the database says are waiting or running but Redis has no job for.
 * Enqueueing is idempotent (jobId = runId), so every worker may run this at once.
 */
import type { Db } from "@actlab/db";
import { enqueueRun, type TrainQueue } from "@actlab/queue";

export async function requeueLostRuns(db: Db, queue: TrainQueue, staleAfterMs: number): Promise<string[]> {
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const candidates = await db.prisma.run.findMany({
    where: {
      OR: [
        { status: "QUEUED", createdAt: { lt: new Date(Date.now() - 5_000) } },
        // A RUNNING run whose job vanished and that made no progress for a while: its worker is gone.
        { status: "RUNNING", updatedAt: { lt: staleBefore } },
      ],
    },
    select: { id: true },
    take: 1000,
  });
  const requeued: string[] = [];
  for (const { id } of candidates) {
    if (await queue.getJob(id)) continue;
    await enqueueRun(queue, id);
    requeued.push(id);
  }
  return requeued;
}
