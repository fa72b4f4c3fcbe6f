/** A launch that names an upload: the hash must be one of the project's datasets; its name and version are filled in. */
import { type DatasetSpec, datasetLabel, type SweepSpec } from "@actlab/core";
import { type Db, findProjectDataset } from "@actlab/db";
import { TRPCError } from "@trpc/server";

export async function withUploadNamed<T extends DatasetSpec>(
  db: Db,
  projectId: string,
  dataset: T,
): Promise<T> {
  if (dataset.kind !== "uploaded") return dataset;
  const found = await findProjectDataset(db, projectId, dataset.hash);
  if (!found) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `this project has no uploaded dataset ${datasetLabel(dataset)} (hash ${dataset.hash.slice(0, 12)}…)`,
    });
  }
  return { ...dataset, name: found.name, version: found.version };
}

/** A sweep's uploads, in its base config and on its dataset axis, each checked and named. */
export async function withUploadsNamed(db: Db, projectId: string, spec: SweepSpec): Promise<SweepSpec> {
  const named = (d: DatasetSpec) => withUploadNamed(db, projectId, d);
  const axis = spec.axes.dataset;
  return {
    ...spec,
    base: { ...spec.base, dataset: await named(spec.base.dataset) },
    axes: { ...spec.axes, ...(axis ? { dataset: await Promise.all(axis.map(named)) } : {}) },
  };
}
