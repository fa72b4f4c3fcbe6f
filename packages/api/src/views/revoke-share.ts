/** views.revokeShare: the view's public link stops working at once. */
import { revokeViewShares } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { requireManagedView } from "./access";
import { ZViewIdInput } from "./fields";

export const revokeShareProcedure = projectProcedure("EDITOR")
  .input(ZViewIdInput)
  .mutation(async ({ ctx, input }) => {
    const view = await requireManagedView(ctx, input.viewId);
    return { revoked: await revokeViewShares(ctx.db, view.id) };
  });
