/** The project's runs, newest first. */
import { listRuns } from "@actlab/db";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { serializeRun } from "./serialize";

export const ZListRunsInput = z.object({ take: z.int().min(1).max(500).default(100) });

export const listRunsProcedure = projectProcedure("VIEWER")
  .input(ZListRunsInput)
  .query(async ({ ctx, input }) =>
    (await listRuns(ctx.db, ctx.projectId, { take: input.take })).map(serializeRun),
  );
