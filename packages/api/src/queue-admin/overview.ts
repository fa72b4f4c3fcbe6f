/**
 * The queue admin view of one project: its jobs' counts per state, its recent jobs of one state, and the
 * workers that announced themselves (capacity and code version). The queue is shared by every tenant, so
 * jobs are filtered to the project's runs; worker hosts describe the machines, so only owners see them
 * (others get the totals).
 */
import { runIdsInProject, runNamesInProject } from "@actlab/db";
import { CODE_VERSION, listWorkers } from "@actlab/queue";
import { z } from "zod";
import { projectProcedure } from "../trpc";

export const JOB_STATES = ["active", "waiting", "delayed", "completed", "failed"] as const;
type JobState = (typeof JOB_STATES)[number];

export const ZQueueOverviewInput = z.object({
  state: z.enum(JOB_STATES).default("active"),
  take: z.int().min(1).max(200).default(50),
});

export const queueOverviewProcedure = projectProcedure("VIEWER")
  .input(ZQueueOverviewInput)
  .query(async ({ ctx, input }) => {
    // Ids only (no job data): the retention caps (1000 completed, 5000 failed) bound these lists.
    const idsByState = await Promise.all(JOB_STATES.map((s) => ctx.queue.getRanges([s], 0, -1, false)));
    const own = await runIdsInProject(ctx.db, ctx.projectId, [...new Set(idsByState.flat())]);
    const ownIds = idsByState.map((ids) => ids.filter((id) => own.has(id)));
    const counts = Object.fromEntries(JOB_STATES.map((s, i) => [s, ownIds[i]?.length ?? 0])) as Record<
      JobState,
      number
    >;
    const shown = ownIds[JOB_STATES.indexOf(input.state)]?.slice(0, input.take) ?? [];
    const [jobs, workers, names] = await Promise.all([
      Promise.all(shown.map((id) => ctx.queue.getJob(id))),
      listWorkers(ctx.redis),
      runNamesInProject(ctx.db, ctx.projectId, shown),
    ]);
    return {
      name: ctx.queue.name,
      counts,
      jobs: jobs
        .filter((j) => j !== undefined)
        .map((j) => ({
          id: j.id ?? "",
          runId: typeof j.data?.runId === "string" ? j.data.runId : null,
          runName: names.get(j.id ?? "") ?? null,
          attemptsMade: j.attemptsMade,
          failedReason: j.failedReason || null,
          timestamp: j.timestamp,
          processedOn: j.processedOn ?? null,
          finishedOn: j.finishedOn ?? null,
        })),
      webVersion: CODE_VERSION,
      capacity: {
        workers: workers.length,
        slots: workers.reduce((n, w) => n + w.slots, 0),
        busy: workers.reduce((n, w) => n + w.busy, 0),
        // A worker of another version leaves this web server's jobs in the queue.
        otherVersion: workers.filter((w) => w.version !== CODE_VERSION).length,
      },
      workers:
        ctx.role === "OWNER"
          ? workers.map((w) => ({
              id: w.id,
              host: w.host,
              pid: w.pid,
              version: w.version,
              cores: w.cores,
              slots: w.slots,
              busy: w.busy,
              upSeconds: Math.max(0, Math.round((w.seenAt - w.startedAt) / 1000)),
            }))
          : null,
    };
  });
