/** tags.forRun: the tags on one run. */
import { listRunTags } from "@actlab/db";
import { requireRun, ZRunIdInput } from "../runs/require-run";
import { projectProcedure } from "../trpc";

export const runTagsProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    return listRunTags(ctx.db, run.id);
  });
