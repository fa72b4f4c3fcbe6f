/** Which runs and sweeps of a project trained on each dataset, by the dataset label every run stores. */
import { type Db, prisma } from "./client";

export type DatasetUsage = {
  dataset: string;
  runs: number;
  latestRunId: string;
  sweeps: { id: string; name: string }[];
};

export async function listDatasetUsage(db: Db, projectId: string): Promise<DatasetUsage[]> {
  const p = db[prisma];
  const [counts, latest, sweeps] = await Promise.all([
    p.run.groupBy({ by: ["dataset"], where: { projectId, deletedAt: null }, _count: { _all: true } }),
    // Newest first, one per dataset: each dataset's latest run.
    p.run.findMany({
      where: { projectId, deletedAt: null },
      distinct: ["dataset"],
      orderBy: { createdAt: "desc" },
      select: { dataset: true, id: true },
    }),
    p.run.findMany({
      where: { projectId, deletedAt: null, sweepId: { not: null } },
      distinct: ["dataset", "sweepId"],
      select: { dataset: true, sweep: { select: { id: true, name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const latestOf = new Map(latest.map((r) => [r.dataset, r.id]));
  return counts.map((c) => ({
    dataset: c.dataset,
    runs: c._count._all,
    latestRunId: latestOf.get(c.dataset) ?? "",
    sweeps: sweeps.flatMap((s) => (s.dataset === c.dataset && s.sweep ? [s.sweep] : [])).slice(0, 10),
  }));
}
