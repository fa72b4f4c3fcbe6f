/** comments.list: a run's or sweep's thread, oldest first. */
import { listComments } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { requireTarget, ZTarget } from "./target";

export const listCommentsProcedure = projectProcedure("VIEWER")
  .input(ZTarget)
  .query(async ({ ctx, input }) => {
    await requireTarget(ctx, input);
    return listComments(ctx.db, ctx.projectId, input.targetKind, input.targetId);
  });
