/** @actlab/datasets: loads any DatasetSpec in Node (generated, shipped UCI tables, MNIST sets, uploads). */

export { DatasetBlobError, decodeDatasetBlob, encodeDatasetBlob, sha256Hex } from "./blob/dataset-blob";
export { createDatasetCache, type DatasetCache } from "./blob/dataset-cache";
export { type StoredDataset, toStoredDataset } from "./blob/stored-dataset";
export { BUILTIN_CATALOG, type BuiltinInfo } from "./catalog";
export { builtinClassBalance, type ClassBalance } from "./class-balance";
export { CsvDatasetError, CsvTooLargeError } from "./csv/csv-error";
export { CSV_MIN_ROWS, type CsvTableOptions } from "./csv/csv-table";
export { parseCsvText } from "./csv/parse-csv-text";
export { type CsvUpload, type CsvUploadOptions, parseCsvUpload } from "./csv/parse-csv-upload";
export { type BuiltinDescription, describeDatasets } from "./describe";
export { DatasetSourceMissingError } from "./errors";
export { type LoadDatasetOptions, loadDataset } from "./load-dataset";
export { previewBuiltin } from "./preview-builtin";
export type { SourcePaths } from "./sources";
