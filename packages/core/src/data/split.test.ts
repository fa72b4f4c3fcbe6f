import { describe, expect, it } from "vitest";
import { makeDataset } from "./dataset";
import { splitDataset, splitSizes } from "./split";
import type { Dataset } from "./types";

/** Rows whose single feature is their own row index, so every row is identifiable after a split. */
function indexed(rows: number, numClasses: number): Dataset {
  return makeDataset({
    name: "indexed",
    features: Float32Array.from({ length: rows }, (_, i) => i),
    labels: Int32Array.from({ length: rows }, (_, i) => i % numClasses),
    numFeatures: 1,
    numClasses,
    featureNames: ["i"],
    classNames: Array.from({ length: numClasses }, (_, k) => `c${k}`),
  });
}

const ids = (ds: Dataset | null) => Array.from(ds?.features ?? []);

describe("splitDataset", () => {
  const ds = indexed(1000, 4);

  it("gives the requested sizes and disjoint parts that cover every row", () => {
    const { train, validation, test } = splitDataset(ds, { validation: 0.2, test: 0.1 }, 3);
    expect(validation?.rows).toBe(200);
    expect(test?.rows).toBe(100);
    expect(train.rows).toBe(700);
    const all = [...ids(train), ...ids(validation), ...ids(test)];
    expect(new Set(all).size).toBe(1000);
  });

  it("keeps each part's rows and labels together", () => {
    const { validation } = splitDataset(ds, { validation: 0.2, test: 0 }, 3);
    const v = validation as Dataset;
    for (let i = 0; i < v.rows; i++) expect(v.labels[i]).toBe((v.features[i] as number) % 4);
  });

  it("stratifies: each part keeps the class proportions", () => {
    const { validation } = splitDataset(ds, { validation: 0.2, test: 0 }, 3);
    const counts = [0, 0, 0, 0];
    for (const y of validation?.labels ?? []) counts[y] = (counts[y] ?? 0) + 1;
    expect(counts).toEqual([50, 50, 50, 50]);
  });

  it("is deterministic per seed and differs across seeds", () => {
    const a = splitDataset(ds, { validation: 0.2, test: 0 }, 1);
    const b = splitDataset(ds, { validation: 0.2, test: 0 }, 1);
    const c = splitDataset(ds, { validation: 0.2, test: 0 }, 2);
    expect(ids(b.validation)).toEqual(ids(a.validation));
    expect(new Set(ids(c.validation))).not.toEqual(new Set(ids(a.validation)));
  });

  it("returns null for a part with fraction 0", () => {
    const { train, validation, test } = splitDataset(ds, { validation: 0, test: 0 }, 1);
    expect(validation).toBeNull();
    expect(test).toBeNull();
    expect(train.rows).toBe(1000);
  });

  it("shuffles the training rows instead of grouping them by class", () => {
    const { train } = splitDataset(ds, { validation: 0.2, test: 0 }, 1);
    expect(new Set(train.labels.subarray(0, 40)).size).toBe(4);
  });

  it("keeps at least one training row of a tiny class", () => {
    const tiny = makeDataset({
      name: "tiny",
      features: Float32Array.of(0, 1, 2, 3, 4),
      labels: Int32Array.of(0, 0, 0, 0, 1),
      numFeatures: 1,
      numClasses: 2,
      featureNames: ["i"],
      classNames: ["big", "small"],
    });
    const { train } = splitDataset(tiny, { validation: 0.5, test: 0.4 }, 1);
    expect(Array.from(train.labels)).toContain(1);
  });

  it("rejects fractions that leave nothing to train on", () => {
    expect(() => splitDataset(ds, { validation: 0.6, test: 0.4 }, 1)).toThrow(/sum to < 1/);
  });
});

describe("splitSizes", () => {
  it("counts each part's rows exactly as splitDataset cuts them", () => {
    const labels = [...Array(37).fill(0), ...Array(11).fill(1), 2];
    const ds = makeDataset({
      name: "counts",
      features: new Float32Array(labels.length),
      labels: Int32Array.from(labels),
      numFeatures: 1,
      numClasses: 3,
      featureNames: ["x"],
      classNames: ["a", "b", "c"],
    });
    const fractions = { validation: 0.2, test: 0.15 };
    const split = splitDataset(ds, fractions, 3);
    expect(splitSizes([37, 11, 1], fractions)).toEqual({
      train: split.train.rows,
      validation: split.validation?.rows ?? 0,
      test: split.test?.rows ?? 0,
    });
  });
});
