/** views.list: the project's saved views. */
import { listSavedViews } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { presentView } from "./access";

export const listViewsProcedure = projectProcedure("VIEWER").query(async ({ ctx }) =>
  (await listSavedViews(ctx.db, ctx.projectId)).map((v) => presentView(ctx, v)),
);
