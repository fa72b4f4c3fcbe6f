/** queue.retryJob: runs a failed job of the caller's project again. */
import { TRPCError } from "@trpc/server";
import { projectProcedure } from "../trpc";
import { findProjectJob, ZJobIdInput } from "./find-project-job";

export const retryJobProcedure = projectProcedure("EDITOR")
  .input(ZJobIdInput)
  .mutation(async ({ ctx, input }) => {
    const job = await findProjectJob(ctx, ctx.projectId, input.jobId);
    if ((await job.getState()) !== "failed")
      throw new TRPCError({ code: "CONFLICT", message: "only failed jobs can be retried" });
    await job.retry();
    return { ok: true };
  });
