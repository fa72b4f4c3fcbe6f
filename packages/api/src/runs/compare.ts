/** Overlay data for the compare view: runs, their params for grouping, and honestly downsampled series. */
import { isFinishedStatus, METRIC } from "@actlab/core";
import {
  type Db,
  findRunsInProject,
  listMetricKeys,
  queryCompareSeries,
  readComparisonVersions,
  readRunParams,
} from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ApiContext } from "../context";
import { noteCacheable } from "../http-cache";
import { encodeFloat32, encodeInt32 } from "../series-codec";
import { projectProcedure } from "../trpc";
import type { ComparisonCache } from "./comparison-cache";
import { serializeRun } from "./serialize";

export const ZCompareRunsInput = z.object({
  runIds: z
    .array(z.string().min(1).max(64))
    .min(1, "select at least one run")
    .max(200, "compare at most 200 runs"),
  keys: z.array(z.string().min(1).max(200)).min(1).max(8),
  /** Points per series: the chart's width in pixels is a good choice. */
  buckets: z.int().min(16).max(4000).default(800),
  /** Per-bucket min and max (an envelope for a few runs), and wall times (time axes): sent only when drawn. */
  extremes: z.boolean().default(false),
  wall: z.boolean().default(false),
  /** A zoomed step range, re-read at full resolution. */
  range: z
    .object({ from: z.number(), to: z.number() })
    .refine((r) => r.from <= r.to, "range.from must be ≤ range.to")
    .optional(),
});

export type CompareRunsQuery = Omit<z.output<typeof ZCompareRunsInput>, "runIds"> & { runIds: string[] };

type Readers = { db: Db; comparisons?: ComparisonCache };

async function loadComparison(db: Db, projectId: string, input: CompareRunsQuery) {
  const runs = await findRunsInProject(db, projectId, input.runIds);
  if (runs.length === 0)
    throw new TRPCError({ code: "NOT_FOUND", message: "none of these runs exist in this project" });
  const ids = runs.map((r) => r.id);
  const params = await readRunParams(db, ids);
  // The step → epoch map travels with every comparison, so the x axis can switch without a new query.
  const keys = [...new Set([...input.keys, METRIC.epoch])];
  return {
    runs: runs.map((r) => ({
      ...serializeRun(r),
      sweepId: r.sweepId,
      params: params.get(r.id) ?? {},
    })),
    // Packed (base64 float32 / int32): a fraction of the bytes and no per-number transformer work.
    series: (
      await queryCompareSeries(db, ids, keys, input.buckets, input.range, {
        extremes: input.extremes,
        wallKeys: input.wall ? keys : [METRIC.epoch],
      })
    ).map((s) => ({
      runId: s.runId,
      key: s.key,
      total: s.total,
      steps: encodeInt32(s.steps),
      values: encodeFloat32(s.values),
      min: input.extremes ? encodeFloat32(s.min) : null,
      max: input.extremes ? encodeFloat32(s.max) : null,
      wallMs: input.wall || s.key === METRIC.epoch ? Array.from(s.wallMs, Math.round) : null,
    })),
    availableKeys: await listMetricKeys(db, ids),
    missing: input.runIds.filter((id) => !ids.includes(id)),
  };
}

/**
 * The compare payload for runs of one project: shared by `runs.compare` and the public `share.compare`,
 * so a shared report draws exactly what the compare page draws. Ids outside the project are "missing".
 * Callers have checked access to the project; the cache is keyed by it and holds only its runs. A hit
 * costs one indexed read of the runs' fingerprints (a new point, a status or a rename changes them).
 */
export async function readComparison(
  { db, comparisons }: Readers,
  projectId: string,
  input: CompareRunsQuery,
) {
  if (!comparisons) return loadComparison(db, projectId, input);
  // Fingerprints are read before the payload: a change landing in between makes the entry newer than its
  // key, never older, so a stale payload is never stored under a current fingerprint.
  const versions = await readComparisonVersions(db, projectId, input.runIds);
  if (versions.size === 0) return loadComparison(db, projectId, input); // answers NOT_FOUND
  const { runIds, keys, buckets, range, extremes, wall } = input;
  const key = JSON.stringify([
    projectId,
    runIds,
    keys,
    buckets,
    range ?? null,
    extremes,
    wall,
    [...versions].sort(),
  ]);
  // About its heap bytes: base64 strings take a byte a character; read once, when it is stored.
  return comparisons.getOrLoad(
    key,
    () => loadComparison(db, projectId, input),
    (c) => JSON.stringify(c).length,
  );
}
export type Comparison = Awaited<ReturnType<typeof readComparison>>;

/**
 * Tells the HTTP layer whether a browser may keep this answer: once every run has finished its series never
 * change, so a revalidation can be answered 304; a run still training makes it no-store.
 */
export function noteComparisonCacheable(ctx: Pick<ApiContext, "httpCache">, comparison: Comparison) {
  noteCacheable(
    ctx,
    comparison.runs.every((r) => isFinishedStatus(r.status)),
  );
  return comparison;
}

export const compareRunsProcedure = projectProcedure("VIEWER")
  .input(ZCompareRunsInput)
  .query(async ({ ctx, input }) =>
    noteComparisonCacheable(ctx, await readComparison(ctx, ctx.projectId, input)),
  );
