/**
 * The run's data as the trainer saw it, rebuilt in the browser: the same generator, then core's prepareData
 * (the trainer's own split and standardisation) with the run's seed and fractions. Only generated datasets
 * can be rebuilt here; builtin and uploaded ones live on the server.
 */
import {
  type Dataset,
  generateDataset,
  type PreparedData,
  prepareData,
  type TrainConfig,
  ZTrainConfig,
} from "@actlab/core";

export type ReproducedData =
  | { ok: true; dataset: Dataset; prepared: PreparedData }
  | { ok: false; reason: string };

export function reproduceData(config: unknown): ReproducedData {
  const parsed = ZTrainConfig.safeParse(config);
  if (!parsed.success)
    return { ok: false, reason: "This run's configuration no longer parses, so its data cannot be rebuilt." };
  const c: TrainConfig = parsed.data;
  if (c.dataset.kind !== "generated") {
    const what = c.dataset.kind === "builtin" ? `the ${c.dataset.name} table` : "an uploaded CSV";
    return { ok: false, reason: `This run trained on ${what}, which the browser cannot regenerate.` };
  }
  const dataset = generateDataset(c.dataset);
  return { ok: true, dataset, prepared: prepareData(c, dataset) };
}

/** Features in the dataset's own units: undoes the standardisation prepareData applied (for plotting). */
export function rawFeatures(ds: Dataset, standardizer: PreparedData["standardizer"]): Float32Array {
  if (!standardizer) return ds.features;
  const d = ds.numFeatures;
  const out = new Float32Array(ds.features.length);
  for (let i = 0; i < out.length; i++) {
    const j = i % d;
    out[i] = (ds.features[i] as number) * (standardizer.std[j] as number) + (standardizer.mean[j] as number);
  }
  return out;
}
