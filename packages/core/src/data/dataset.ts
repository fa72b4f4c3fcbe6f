/** Builds a Dataset from its arrays: checks that the shape adds up and stamps the content hash. */
import { datasetHash } from "./hash";
import type { Dataset } from "./types";

export type DatasetParts = Omit<Dataset, "hash" | "rows"> & { rows?: number };

export function makeDataset(parts: DatasetParts): Dataset {
  const rows = parts.rows ?? parts.labels.length;
  const { numFeatures, numClasses, features, labels } = parts;
  if (labels.length !== rows) throw new Error(`${parts.name}: ${labels.length} labels for ${rows} rows`);
  if (features.length !== rows * numFeatures) {
    throw new Error(`${parts.name}: ${features.length} feature values, expected ${rows} × ${numFeatures}`);
  }
  if (parts.featureNames.length !== numFeatures)
    throw new Error(`${parts.name}: featureNames does not match numFeatures`);
  if (parts.classNames.length !== numClasses)
    throw new Error(`${parts.name}: classNames does not match numClasses`);
  for (let i = 0; i < rows; i++) {
    const y = labels[i] as number;
    if (y < 0 || y >= numClasses)
      throw new Error(`${parts.name}: row ${i} has label ${y}, outside [0, ${numClasses})`);
  }
  return { ...parts, rows, hash: datasetHash({ rows, numFeatures, numClasses }, features, labels) };
}

/** The given rows of `ds`, in the given order, as a new Dataset with its own arrays. */
export function selectRows(ds: Dataset, indices: ArrayLike<number>, name = ds.name): Dataset {
  const d = ds.numFeatures;
  const features = new Float32Array(indices.length * d);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i] as number;
    features.set(ds.features.subarray(r * d, r * d + d), i * d);
    labels[i] = ds.labels[r] as number;
  }
  return makeDataset({ ...ds, name, features, labels, rows: indices.length });
}
