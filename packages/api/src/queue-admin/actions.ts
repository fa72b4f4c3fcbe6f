/** Queue admin actions: retry a failed job, remove a job that is not running. */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";

const ZJobIdInput = z.object({ jobId: z.string().min(1).max(128) });

async function findJob(queue: { getJob(id: string): Promise<unknown> }, jobId: string) {
  const job = (await queue.getJob(jobId)) as
    | { getState(): Promise<string>; retry(): Promise<void>; remove(): Promise<void> }
    | undefined;
  if (!job) throw new TRPCError({ code: "NOT_FOUND", message: `no job ${jobId}` });
  return job;
}

export const retryJobProcedure = projectProcedure("EDITOR")
  .input(ZJobIdInput)
  .mutation(async ({ ctx, input }) => {
    const job = await findJob(ctx.queue, input.jobId);
    if ((await job.getState()) !== "failed")
      throw new TRPCError({ code: "CONFLICT", message: "only failed jobs can be retried" });
    await job.retry();
    return { ok: true };
  });

export const removeJobProcedure = projectProcedure("EDITOR")
  .input(ZJobIdInput)
  .mutation(async ({ ctx, input }) => {
    const job = await findJob(ctx.queue, input.jobId);
    if ((await job.getState()) === "active") {
      throw new TRPCError({
        code: "CONFLICT",
        message: "a running job cannot be removed: cancel its run instead",
      });
    }
    await job.remove();
    return { ok: true };
  });
