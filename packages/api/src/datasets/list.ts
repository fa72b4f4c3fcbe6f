/** datasets.list: every uploaded dataset version of the project, newest version of each name first. */
import { listProjectDatasets } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { datasetSummary } from "./summary";

export const listDatasetsProcedure = projectProcedure("VIEWER").query(async ({ ctx }) =>
  (await listProjectDatasets(ctx.db, ctx.projectId)).map(datasetSummary),
);
