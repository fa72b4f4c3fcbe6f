/** What the API says about a dataset version: everything but its bytes. */
import type { DatasetVersion } from "@actlab/db";

export function datasetSummary(d: DatasetVersion) {
  return {
    id: d.id,
    name: d.name,
    version: d.version,
    hash: d.hash,
    rows: d.rows,
    features: d.features,
    classes: d.classes,
    labelColumn: d.labelColumn,
    featureNames: d.featureNames,
    classNames: d.classNames,
    classCounts: d.classCounts,
    fileName: d.fileName,
    fileBytes: d.fileBytes,
    createdAt: d.createdAt.toISOString(),
  };
}
