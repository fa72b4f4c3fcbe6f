/** Queue admin actions: retry a failed job, remove a job that is not running; only jobs of the caller's project. */
import { getRun } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ApiContext } from "../context";
import { projectProcedure } from "../trpc";

const ZJobIdInput = z.object({ jobId: z.string().min(1).max(128) });

/**
 * The job of a run in `projectId` (job id = run id). Another project's job, or a job that is no run's,
 * reads as missing: a guessed id reveals nothing and cannot be touched.
 */
async function findProjectJob(ctx: ApiContext, projectId: string, jobId: string) {
  const notFound = () => new TRPCError({ code: "NOT_FOUND", message: `no job ${jobId}` });
  if (!(await getRun(ctx.db, jobId, projectId))) throw notFound();
  const job = await ctx.queue.getJob(jobId);
  if (!job) throw notFound();
  return job;
}

export const retryJobProcedure = projectProcedure("EDITOR")
  .input(ZJobIdInput)
  .mutation(async ({ ctx, input }) => {
    const job = await findProjectJob(ctx, ctx.projectId, input.jobId);
    if ((await job.getState()) !== "failed")
      throw new TRPCError({ code: "CONFLICT", message: "only failed jobs can be retried" });
    await job.retry();
    return { ok: true };
  });

export const removeJobProcedure = projectProcedure("EDITOR")
  .input(ZJobIdInput)
  .mutation(async ({ ctx, input }) => {
    const job = await findProjectJob(ctx, ctx.projectId, input.jobId);
    if ((await job.getState()) === "active") {
      throw new TRPCError({
        code: "CONFLICT",
        message: "a running job cannot be removed: cancel its run instead",
      });
    }
    await job.remove();
    return { ok: true };
  });
