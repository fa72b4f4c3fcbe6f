/** Datasets for the trainer: 2-D generators, IDX parsing, content hashing, splitting, standardising. */

export { classCounts } from "./class-counts";
export { classesOf } from "./classes";
export type { DatasetParts } from "./dataset";
export { makeDataset, selectRows } from "./dataset";
export type { GeneratedDatasetSpec } from "./generate";
export { generateDataset } from "./generate";
export { datasetHash, fnv1a64 } from "./hash";
export type { IdxArray } from "./idx";
export { datasetFromIdx, encodeIdx, parseIdx } from "./idx";
export type { ImageShape } from "./image-shape";
export { imageShape } from "./image-shape";
export type { DatasetSplit, SplitFractions } from "./split";
export { splitDataset, splitSizes } from "./split";
export type { Standardizer } from "./standardize";
export { applyStandardizer, fitStandardizer } from "./standardize";
