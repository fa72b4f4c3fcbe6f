/** lab.claims: every claim with its experiment, and the answer measured by its latest sweep in the project. */
import { LAB_CLAIMS, type LabAnswer } from "@actlab/analysis";
import { latestLabSweeps, readLabRuns } from "@actlab/db";
import { projectProcedure } from "../trpc";

export const listClaimsProcedure = projectProcedure("VIEWER").query(async ({ ctx }) => {
  const latest = new Map((await latestLabSweeps(ctx.db, ctx.projectId)).map((s) => [s.labClaim, s]));
  return Promise.all(
    LAB_CLAIMS.map(async (claim) => {
      const sweep = latest.get(claim.id) ?? null;
      const runs = sweep ? await readLabRuns(ctx.db, sweep.id, ctx.projectId, claim.keys) : null;
      const answer: LabAnswer | null = sweep && runs ? claim.evaluate(runs, sweep.dataset) : null;
      return {
        id: claim.id,
        title: claim.title,
        hypothesis: claim.hypothesis,
        experiment: claim.experiment,
        needsClasses: claim.needsClasses ?? null,
        sweep: sweep
          ? { id: sweep.id, name: sweep.name, dataset: sweep.dataset, createdAt: sweep.createdAt }
          : null,
        answer,
      };
    }),
  );
});
