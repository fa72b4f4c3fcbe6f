/** views.remove: deletes a view (its creator or an owner). */
import { deleteSavedView } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { requireManagedView } from "./access";
import { ZViewIdInput } from "./fields";

export const removeViewProcedure = projectProcedure("EDITOR")
  .input(ZViewIdInput)
  .mutation(async ({ ctx, input }) => {
    await requireManagedView(ctx, input.viewId);
    return { deleted: await deleteSavedView(ctx.db, ctx.projectId, input.viewId) };
  });
