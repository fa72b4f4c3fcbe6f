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
  const [counts, sweeps] = await Promise.all([
    p.run.groupBy({
      by: ["dataset"],
      where: { projectId, deletedAt: null },
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    p.run.findMany({
      where: { projectId, deletedAt: null, sweepId: { not: null } },
      distinct: ["dataset", "sweepId"],
      select: { dataset: true, sweep: { select: { id: true, name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const latest = await Promise.all(
    counts.map((c) =>
      p.run.findFirst({
        where: { projectId, deletedAt: null, dataset: c.dataset },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      }),
    ),
  );
  return counts.map((c, i) => ({
    dataset: c.dataset,
    runs: c._count._all,
    latestRunId: latest[i]?.id ?? "",
    sweeps: sweeps.flatMap((s) => (s.dataset === c.dataset && s.sweep ? [s.sweep] : [])).slice(0, 10),
  }));
}
