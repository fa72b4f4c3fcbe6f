/** views.share: a new public link (any earlier one stops working); the token is shown once, only its hash is kept. */
import { createViewShare } from "@actlab/db";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { requireManagedView } from "./access";
import { ZViewIdInput } from "./fields";

export const shareViewProcedure = projectProcedure("EDITOR")
  .input(ZViewIdInput)
  .mutation(async ({ ctx, input }) => {
    const view = await requireManagedView(ctx, input.viewId);
    const { token } = await createViewShare(ctx.db, view.id, ctx.userId);
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "shared",
      targetKind: "view",
      targetId: view.id,
      detail: view.title,
    });
    return { token };
  });
