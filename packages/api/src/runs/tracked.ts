/**
 * What a run logged from outside carries beside its metrics: params, key/value tags, dataset inputs and
 * artifact files (any run may have artifacts). The run page shows these instead of a trainer config.
 */
import { getTrackedRuns, listRunArtifacts } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { requireRun, ZRunIdInput } from "./require-run";

export const trackedRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const [tracked] = await getTrackedRuns(ctx.db, [run.id]);
    const artifacts = await listRunArtifacts(ctx.db, run.id);
    return {
      source: run.source,
      sourceUser: run.sourceUser,
      params: tracked?.params ?? [],
      tags: tracked?.tags ?? [],
      inputs: (tracked?.inputs ?? []).map((i) => ({ name: i.name, digest: i.digest, source: i.source })),
      artifacts: artifacts.map((a) => ({
        path: a.path,
        size: a.size,
        // The proxied-artifact route serves the bytes, with the same session check as every page.
        href: `/api/2.0/mlflow-artifacts/artifacts/${run.projectId}/${run.id}/artifacts/${a.path
          .split("/")
          .map(encodeURIComponent)
          .join("/")}`,
      })),
    };
  });
