/** Seeded train/validation/test split, stratified by class so every part keeps the class proportions. */
import { createRng } from "../rng";
import { selectRows } from "./dataset";
import type { Dataset } from "./types";

export type SplitFractions = { validation: number; test: number };
export type DatasetSplit = { train: Dataset; validation: Dataset | null; test: Dataset | null };

/** How many of one class's rows go to test and validation: rounded shares, and at least one row left to train. */
function classShares(rows: number, { validation, test }: SplitFractions) {
  const spare = Math.max(0, rows - 1);
  const nTest = Math.min(Math.round(rows * test), spare);
  return { nTest, nVal: Math.min(Math.round(rows * validation), spare - nTest) };
}

/** The rows each part gets for a dataset with these class counts, as splitDataset would cut it. */
export function splitSizes(classCounts: readonly number[], fractions: SplitFractions) {
  const sizes = { train: 0, validation: 0, test: 0 };
  for (const rows of classCounts) {
    const { nTest, nVal } = classShares(rows, fractions);
    sizes.test += nTest;
    sizes.validation += nVal;
    sizes.train += rows - nTest - nVal;
  }
  return sizes;
}

export function splitDataset(ds: Dataset, fractions: SplitFractions, seed: number): DatasetSplit {
  const { validation, test } = fractions;
  if (validation < 0 || test < 0 || validation + test >= 1) {
    throw new Error(`split fractions must be ≥ 0 and sum to < 1 (validation ${validation}, test ${test})`);
  }
  const rng = createRng(seed);
  const byClass: number[][] = Array.from({ length: ds.numClasses }, () => []);
  for (let i = 0; i < ds.rows; i++) byClass[ds.labels[i] as number]?.push(i);

  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] };
  for (const rows of byClass) {
    rng.shuffle(rows);
    // Every class keeps at least one training row, however small it is.
    const { nTest, nVal } = classShares(rows.length, fractions);
    parts.test.push(...rows.slice(0, nTest));
    parts.validation.push(...rows.slice(nTest, nTest + nVal));
    parts.train.push(...rows.slice(nTest + nVal));
  }
  if (parts.train.length === 0) throw new Error(`${ds.name}: the split leaves no training rows`);

  // Per-class concatenation groups rows by class: shuffle so each part is mixed.
  const part = (indices: number[], label: string): Dataset => {
    rng.shuffle(indices);
    return selectRows(ds, indices, `${ds.name}/${label}`);
  };
  return {
    train: part(parts.train, "train"),
    validation: parts.validation.length > 0 ? part(parts.validation, "validation") : null,
    test: parts.test.length > 0 ? part(parts.test, "test") : null,
  };
}
