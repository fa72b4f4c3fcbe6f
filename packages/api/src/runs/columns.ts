/** runs.columns: the run fields, params and metrics the run table's column picker offers. */
import { listRunTableColumns } from "@actlab/db";
import { projectProcedure } from "../trpc";

export const runColumnsProcedure = projectProcedure("VIEWER").query(
  async ({ ctx }) => await listRunTableColumns(ctx.db, ctx.projectId),
);
