/** tags.list: every tag of the project. */
import { listProjectTags } from "@actlab/db";
import { projectProcedure } from "../trpc";

export const listTagsProcedure = projectProcedure("VIEWER").query(({ ctx }) =>
  listProjectTags(ctx.db, ctx.projectId),
);
