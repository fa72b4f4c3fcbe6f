/** queue.removeJob: removes a job of the caller's project that is not running. */
import { TRPCError } from "@trpc/server";
import { projectProcedure } from "../trpc";
import { findProjectJob, ZJobIdInput } from "./find-project-job";

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
