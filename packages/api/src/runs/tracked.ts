/**
 * What a run logged from outside carries beside its metrics: params, key/value tags, dataset inputs and
 * artifact files (any run may have artifacts). The run page shows these instead of a trainer config.
 */
import { getRun, getTrackedRuns, listRunArtifacts } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { projectProcedure } from "../trpc";
import { ZRunIdInput } from "./get";

export const trackedRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await getRun(ctx.db, input.runId, ctx.projectId);
    if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${input.runId}` });
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
