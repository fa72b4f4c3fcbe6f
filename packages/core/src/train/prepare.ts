/** Turns a run's dataset into the seeded train/validation/test parts, standardised with train statistics. */
import type { TrainConfig } from "../config";
import { applyStandardizer, fitStandardizer, type Standardizer, splitDataset } from "../data/index";
import type { Dataset } from "../data/types";

export type PreparedData = {
  train: Dataset;
  validation: Dataset | null;
  test: Dataset | null;
  standardizer: Standardizer | null;
};

export function prepareData(config: TrainConfig, dataset: Dataset): PreparedData {
  const split = splitDataset(dataset, config.split, config.seed);
  if (!config.standardize) return { ...split, standardizer: null };
  const standardizer = fitStandardizer(split.train);
  const apply = (ds: Dataset | null): Dataset | null => (ds ? applyStandardizer(ds, standardizer) : null);
  return {
    train: applyStandardizer(split.train, standardizer),
    validation: apply(split.validation),
    test: apply(split.test),
    standardizer,
  };
}
