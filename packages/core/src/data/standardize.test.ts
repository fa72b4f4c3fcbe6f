import { describe, expect, it } from "vitest";
import { makeDataset } from "./dataset";
import { splitDataset } from "./split";
import { applyStandardizer, fitStandardizer } from "./standardize";

const table = (features: number[], numFeatures: number) => {
  const rows = features.length / numFeatures;
  return makeDataset({
    name: "t",
    features: Float32Array.from(features),
    labels: Int32Array.from({ length: rows }, (_, i) => i % 2),
    numFeatures,
    numClasses: 2,
    featureNames: Array.from({ length: numFeatures }, (_, j) => `f${j}`),
    classNames: ["a", "b"],
  });
};

describe("fitStandardizer / applyStandardizer", () => {
  it("computes per-column mean and population std", () => {
    const s = fitStandardizer(table([1, 10, 3, 10, 5, 10, 7, 10], 2));
    expect(Array.from(s.mean)).toEqual([4, 10]);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(5), 6);
  });

  it("uses std 1 for a constant column so it maps to zeros, not NaN", () => {
    const ds = table([1, 10, 3, 10, 5, 10, 7, 10], 2);
    const out = applyStandardizer(ds, fitStandardizer(ds));
    expect(fitStandardizer(ds).std[1]).toBe(1);
    expect(Array.from(out.features).filter((_, i) => i % 2 === 1)).toEqual([0, 0, 0, 0]);
  });

  it("gives the training data mean 0 and std 1 and leaves the input untouched", () => {
    const ds = table([2, -1, 4, 0, 6, 1, 8, 2, 100, 3], 2);
    const before = ds.features.slice();
    const out = applyStandardizer(ds, fitStandardizer(ds));
    const again = fitStandardizer(out);
    for (const m of again.mean) expect(m).toBeCloseTo(0, 5);
    for (const s of again.std) expect(s).toBeCloseTo(1, 5);
    expect(ds.features).toEqual(before);
    expect(out.features).not.toBe(ds.features);
    expect(out.hash).not.toBe(ds.hash);
  });

  it("fits on the training part only: poisoning the validation rows does not move the statistics", () => {
    const values = Array.from({ length: 200 }, (_, i) => i * 0.5); // distinct, exact in float32: a row id
    const clean = splitDataset(table(values, 1), { validation: 0.25, test: 0 }, 9);
    const validationRows = new Set(clean.validation?.features);
    const poisoned = table(
      values.map((v) => (validationRows.has(v) ? v + 1e6 : v)),
      1,
    );
    const split = splitDataset(poisoned, { validation: 0.25, test: 0 }, 9);
    expect(fitStandardizer(split.train)).toEqual(fitStandardizer(clean.train));
    expect(fitStandardizer(poisoned).mean[0]).toBeGreaterThan(1e5); // the poison is visible if fitted on everything
  });

  it("rejects a standardizer fitted on another width", () => {
    expect(() => applyStandardizer(table([1, 2], 2), fitStandardizer(table([1, 2, 3], 1)))).toThrow(
      /standardizer has 1/,
    );
  });
});
