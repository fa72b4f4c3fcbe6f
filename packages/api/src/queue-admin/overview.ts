/** The queue admin view: counts per state, recent jobs of each state, and the connected workers. */
import { z } from "zod";
import { projectProcedure } from "../trpc";

export const JOB_STATES = ["active", "waiting", "delayed", "completed", "failed"] as const;

export const queueOverviewProcedure = projectProcedure("VIEWER")
  .input(z.object({ state: z.enum(JOB_STATES).default("active"), take: z.int().min(1).max(200).default(50) }))
  .query(async ({ ctx, input }) => {
    const [counts, jobs, workers] = await Promise.all([
      ctx.queue.getJobCounts(...JOB_STATES),
      ctx.queue.getJobs([input.state], 0, input.take - 1, false),
      ctx.queue.getWorkers(),
    ]);
    return {
      name: ctx.queue.name,
      counts,
      jobs: jobs
        .filter((j) => j)
        .map((j) => ({
          id: j.id ?? "",
          runId: typeof j.data?.runId === "string" ? j.data.runId : null,
          attemptsMade: j.attemptsMade,
          failedReason: j.failedReason || null,
          timestamp: j.timestamp,
          processedOn: j.processedOn ?? null,
          finishedOn: j.finishedOn ?? null,
        })),
      workers: workers.map((w) => ({
        id: String(w.id ?? ""),
        name: String(w.name ?? ""),
        addr: String(w.addr ?? ""),
        age: Number(w.age ?? 0),
      })),
    };
  });
