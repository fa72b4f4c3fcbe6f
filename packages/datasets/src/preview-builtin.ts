/**
 * The first rows of a builtin, for the datasets page. The image sets read only the training files and keep
 * their first images, so a preview never holds (or caches) all 70,000 of them as floats.
 */
import {
  type BuiltinTableName,
  type Dataset,
  datasetFromIdx,
  encodeIdx,
  parseIdx,
  selectRows,
} from "@actlab/core";
import { FASHION_MNIST_CLASSES } from "./catalog";
import { keptPerProcess } from "./kept-per-process";
import { locateIdxFiles, readMaybeGzip } from "./load-builtin";
import { loadDataset } from "./load-dataset";
import type { SourcePaths } from "./sources";

/** An IDX array cut to its first `count` records, header rewritten to match. */
function firstIdxRecords(bytes: Uint8Array, count: number): Uint8Array {
  const { dims, data } = parseIdx(bytes);
  const kept = Math.min(count, dims[0] ?? 0);
  const recordBytes = dims.slice(1).reduce((a, b) => a * b, 1);
  return encodeIdx([kept, ...dims.slice(1)], data.subarray(0, kept * recordBytes));
}

// Kept per process: a few rows each, and the image sets' files are read once rather than on every page view.
const previews = keptPerProcess<Dataset>();

export function previewBuiltin(
  name: BuiltinTableName,
  count: number,
  paths: SourcePaths = {},
): Promise<Dataset> {
  const key = `${name}\0${count}\0${paths.mnistDir ?? ""}\0${paths.fashionMnistDir ?? ""}`;
  return previews(key, () => readPreview(name, count, paths));
}

async function readPreview(name: BuiltinTableName, count: number, paths: SourcePaths): Promise<Dataset> {
  if (name === "mnist" || name === "fashion_mnist") {
    const files = locateIdxFiles(name, paths);
    const [images, labels] = await Promise.all([
      readMaybeGzip(files.trainImages),
      readMaybeGzip(files.trainLabels),
    ]);
    const classNames = name === "fashion_mnist" ? FASHION_MNIST_CLASSES : undefined;
    return datasetFromIdx(firstIdxRecords(images, count), firstIdxRecords(labels, count), name, classNames);
  }
  const table = await loadDataset({ kind: "builtin", name });
  return selectRows(
    table,
    Array.from({ length: Math.min(count, table.rows) }, (_, i) => i),
  );
}
