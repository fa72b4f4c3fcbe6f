/** Overlay data for the compare view: runs, their params for grouping, and honestly downsampled series. */
import { METRIC } from "@actlab/core";
import { type Db, findRunsInProject, listMetricKeys, queryCompareSeries, readRunParams } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { encodeFloat32, encodeInt32 } from "../series-codec";
import { projectProcedure } from "../trpc";
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

/**
 * The compare payload for runs of one project: shared by `runs.compare` and the public `share.compare`,
 * so a shared report draws exactly what the compare page draws. Ids outside the project are "missing".
 */
export async function readComparison(db: Db, projectId: string, input: CompareRunsQuery) {
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
export type Comparison = Awaited<ReturnType<typeof readComparison>>;

export const compareRunsProcedure = projectProcedure("VIEWER")
  .input(ZCompareRunsInput)
  .query(({ ctx, input }) => readComparison(ctx.db, ctx.projectId, input));
