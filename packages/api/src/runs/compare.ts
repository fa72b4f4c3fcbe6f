/** Overlay data for the compare view: runs, their params for grouping, and honestly downsampled series. */
import { listMetricKeys, queryCompareSeries } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
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
  /** A zoomed step range, re-read at full resolution. */
  range: z
    .object({ from: z.number(), to: z.number() })
    .refine((r) => r.from <= r.to, "range.from must be ≤ range.to")
    .optional(),
});

export const compareRunsProcedure = projectProcedure("VIEWER")
  .input(ZCompareRunsInput)
  .query(async ({ ctx, input }) => {
    const runs = await ctx.db.prisma.run.findMany({
      where: { id: { in: input.runIds }, projectId: ctx.projectId },
      include: { params: true },
    });
    if (runs.length === 0)
      throw new TRPCError({ code: "NOT_FOUND", message: "none of these runs exist in this project" });
    const ids = runs.map((r) => r.id);
    // The step → epoch map travels with every comparison, so the x axis can switch without a new query.
    const keys = [...new Set([...input.keys, "epoch"])];
    return {
      runs: runs.map((r) => ({
        ...serializeRun(r),
        sweepId: r.sweepId,
        params: Object.fromEntries(r.params.map((p) => [p.key, p.valueNum ?? p.value])),
      })),
      series: queryCompareSeries(ctx.db, ids, keys, input.buckets, input.range),
      availableKeys: listMetricKeys(ctx.db, ids),
      missing: input.runIds.filter((id) => !ids.includes(id)),
    };
  });
