/** tags.remove: takes one tag off a run. */
import { removeRunTag } from "@actlab/db";
import { z } from "zod";
import { requireRun, ZRunIdInput } from "../runs/require-run";
import { projectProcedure } from "../trpc";

export const ZRemoveTagInput = ZRunIdInput.extend({ tagId: z.string().min(1, "which tag?").max(64) });

export const removeTagProcedure = projectProcedure("EDITOR")
  .input(ZRemoveTagInput)
  .mutation(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const removed = await removeRunTag(ctx.db, ctx.projectId, run.id, input.tagId);
    return { removed };
  });
