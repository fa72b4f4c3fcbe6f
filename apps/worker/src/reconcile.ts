/**
 * Safety net for lost jobs (a Redis that restarted without its data, a crash between writing a run and
 * enqueueing it): re-enqueues runs the database says are waiting or running but Redis has no job of
 * their current attempt for. Enqueueing is idempotent (jobId = runId), so every worker may run this at once.
 */
import type { Db } from "@actlab/db";
import { jobAttempt, replaceRunJob, type TrainQueue } from "@actlab/queue";

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
    select: { id: true, attempt: true },
    take: 1000,
  });
  const requeued: string[] = [];
  for (const { id, attempt } of candidates) {
    const job = await queue.getJob(id);
    if (job && jobAttempt(job) === attempt) continue;
    // A job an earlier attempt left (a retry interrupted before it queued its own) is replaced.
    if (await replaceRunJob(queue, id, attempt, 0)) requeued.push(id);
  }
  return requeued;
}
