/** stars.get: whether the caller starred a run. */
import { isRunStarred } from "@actlab/db";
import { requireRun, ZRunIdInput } from "../runs/require-run";
import { projectProcedure } from "../trpc";

export const getStarProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    return { starred: await isRunStarred(ctx.db, run.id, ctx.userId) };
  });
