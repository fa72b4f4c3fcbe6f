/**
 * datasets.overview: everything the datasets page shows — the generators with their defaults, the shipped
 * tables and image sets (with whether their files are here, and how to get them if not), the project's
 * uploads, and which runs and sweeps used each.
 */
import { datasetLabel, GENERATED_DATASETS, ZGeneratedDatasetSpec } from "@actlab/core";
import { builtinClassBalance, describeDatasets } from "@actlab/datasets";
import { listDatasetUsage, listProjectDatasets } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { datasetSummary } from "./summary";

export const datasetsOverviewProcedure = projectProcedure("VIEWER").query(async ({ ctx }) => {
  const [uploads, usage] = await Promise.all([
    listProjectDatasets(ctx.db, ctx.projectId),
    listDatasetUsage(ctx.db, ctx.projectId),
  ]);
  const usageOf = new Map(usage.map((u) => [u.dataset, u]));
  const used = (label: string) => usageOf.get(label) ?? null;
  return {
    generated: GENERATED_DATASETS.map((name) => {
      const spec = ZGeneratedDatasetSpec.parse({ kind: "generated", name });
      return { spec, usage: used(name) };
    }),
    builtin: await Promise.all(
      describeDatasets().map(async (d) => ({
        ...d,
        balance: d.available ? await builtinClassBalance(d.name).catch(() => null) : null,
        usage: used(d.name),
      })),
    ),
    uploads: uploads.map((d) => ({
      ...datasetSummary(d),
      usage: used(datasetLabel({ kind: "uploaded", hash: d.hash, name: d.name, version: d.version })),
    })),
  };
});
