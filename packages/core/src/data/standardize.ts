/** Per-feature standardisation (z-scores), fitted on the training part only so no other data leaks in. */
import { makeDataset } from "./dataset";
import type { Dataset } from "./types";

export type Standardizer = { mean: Float32Array; std: Float32Array };

export function fitStandardizer(train: Dataset): Standardizer {
  const d = train.numFeatures;
  const n = train.rows;
  // Float64 accumulators: summing 70k float32 pixels in float32 loses digits.
  const sum = new Float64Array(d);
  const sumSq = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) sum[j] = (sum[j] as number) + (train.features[r * d + j] as number);
  }
  const mean = new Float64Array(d);
  for (let j = 0; j < d; j++) mean[j] = n > 0 ? (sum[j] as number) / n : 0;
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const dev = (train.features[r * d + j] as number) - (mean[j] as number);
      sumSq[j] = (sumSq[j] as number) + dev * dev;
    }
  }
  const std = new Float32Array(d);
  for (let j = 0; j < d; j++) {
    const s = n > 0 ? Math.sqrt((sumSq[j] as number) / n) : 0;
    std[j] = s > 1e-8 ? s : 1; // a constant column stays put (x - mean = 0) instead of dividing by zero
  }
  return { mean: Float32Array.from(mean), std };
}

export function applyStandardizer(ds: Dataset, s: Standardizer): Dataset {
  const d = ds.numFeatures;
  if (s.mean.length !== d || s.std.length !== d) {
    throw new Error(`${ds.name}: standardizer has ${s.mean.length} features, dataset has ${d}`);
  }
  const features = new Float32Array(ds.features.length);
  for (let r = 0; r < ds.rows; r++) {
    for (let j = 0; j < d; j++) {
      const i = r * d + j;
      features[i] = ((ds.features[i] as number) - (s.mean[j] as number)) / (s.std[j] as number);
    }
  }
  return makeDataset({ ...ds, features, labels: ds.labels.slice() });
}
