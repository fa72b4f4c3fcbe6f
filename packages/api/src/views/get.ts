/** views.get: one saved view. */
import { projectProcedure } from "../trpc";
import { presentView, requireView } from "./access";
import { ZViewIdInput } from "./fields";

export const getViewProcedure = projectProcedure("VIEWER")
  .input(ZViewIdInput)
  .query(async ({ ctx, input }) => presentView(ctx, await requireView(ctx, input.viewId)));
