/**
 * How many rows each class of a shipped table or image set holds, for the datasets page. The image sets
 * read only their label files (a few kilobytes), never the 70,000 images; answers are kept per process.
 */
import { type BuiltinTableName, classCounts, parseIdx } from "@actlab/core";
import { FASHION_MNIST_CLASSES } from "./catalog";
import { keptPerProcess } from "./kept-per-process";
import { locateIdxFiles, readMaybeGzip } from "./load-builtin";
import { loadDataset } from "./load-dataset";
import type { SourcePaths } from "./sources";

export type ClassBalance = { names: string[]; counts: number[] };

const counted = (labels: ArrayLike<number>, names: string[]): ClassBalance => ({
  names,
  counts: classCounts(labels, names.length),
});

async function readBalance(name: BuiltinTableName, paths: SourcePaths): Promise<ClassBalance> {
  if (name === "mnist" || name === "fashion_mnist") {
    const files = locateIdxFiles(name, paths);
    const [train, test] = await Promise.all([
      readMaybeGzip(files.trainLabels),
      readMaybeGzip(files.testLabels),
    ]);
    const names =
      name === "fashion_mnist" ? FASHION_MNIST_CLASSES : Array.from({ length: 10 }, (_, k) => String(k));
    return counted([...parseIdx(train).data, ...parseIdx(test).data], names);
  }
  const table = await loadDataset({ kind: "builtin", name });
  return counted(table.labels, table.classNames);
}

const balances = keptPerProcess<ClassBalance>();

export function builtinClassBalance(name: BuiltinTableName, paths: SourcePaths = {}): Promise<ClassBalance> {
  return balances(`${name}\0${paths.mnistDir ?? ""}\0${paths.fashionMnistDir ?? ""}`, () =>
    readBalance(name, paths),
  );
}
