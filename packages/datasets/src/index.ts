/** @actlab/datasets: loads any DatasetSpec in Node (generated, shipped UCI tables, MNIST sets, uploads). */
export { BUILTIN_CATALOG, type BuiltinInfo } from "./catalog";
export { type BuiltinDescription, describeDatasets } from "./describe";
export { DatasetSourceMissingError } from "./errors";
export { type LoadDatasetOptions, loadDataset } from "./load-dataset";
export type { SourcePaths } from "./sources";
