/** views.update: changes a view's title, report or comparison (its creator or an owner). */
import { updateSavedView } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { presentView, requireManagedView, requireView } from "./access";
import { ZViewBody, ZViewIdInput, ZViewTitle } from "./fields";
import { ZViewStateQuery } from "./state";

export const ZUpdateViewInput = ZViewIdInput.extend({
  title: ZViewTitle.optional(),
  body: ZViewBody.optional(),
  state: ZViewStateQuery.optional(),
});

export const updateViewProcedure = projectProcedure("EDITOR")
  .input(ZUpdateViewInput)
  .mutation(async ({ ctx, input }) => {
    const { viewId, ...patch } = input;
    await requireManagedView(ctx, viewId);
    await updateSavedView(ctx.db, ctx.projectId, viewId, patch);
    return presentView(ctx, await requireView(ctx, viewId));
  });
