/** views.create: saves a comparison with its report. */
import { createSavedView } from "@actlab/db";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { presentView } from "./access";
import { ZViewBody, ZViewTitle } from "./fields";
import { ZViewStateQuery } from "./state";

export const ZCreateViewInput = z.object({
  title: ZViewTitle,
  body: ZViewBody.default(""),
  state: ZViewStateQuery,
});

export const createViewProcedure = projectProcedure("EDITOR")
  .input(ZCreateViewInput)
  .mutation(async ({ ctx, input }) => {
    const view = await createSavedView(ctx.db, {
      ...input,
      projectId: ctx.projectId,
      createdById: ctx.userId,
    });
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "saved a view",
      targetKind: "view",
      targetId: view.id,
      detail: view.title,
    });
    return presentView(ctx, view);
  });
