/** The project's sweeps, newest first, with run counts per status. */
import { listSweeps } from "@actlab/db";
import { projectProcedure } from "../trpc";

export const listSweepsProcedure = projectProcedure("VIEWER").query(async ({ ctx }) =>
  (await listSweeps(ctx.db, ctx.projectId)).map((s) => ({
    id: s.id,
    name: s.name,
    createdAt: s.createdAt,
    counts: s.counts,
  })),
);
