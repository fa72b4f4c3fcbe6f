import { describe, expect, it } from "vitest";
import { makeDataset, selectRows } from "./dataset";

const two = (name: string, values: number[], labels: number[]) =>
  makeDataset({
    name,
    features: Float32Array.from(values),
    labels: Int32Array.from(labels),
    numFeatures: 2,
    numClasses: 2,
    featureNames: ["a", "b"],
    classNames: ["no", "yes"],
  });

describe("makeDataset", () => {
  it("rejects a feature array that does not match rows × numFeatures", () => {
    expect(() => two("bad", [1, 2, 3], [0, 1])).toThrow(/3 feature values, expected 2 × 2/);
  });

  it("rejects a label outside the classes", () => {
    expect(() => two("bad", [1, 2, 3, 4], [0, 2])).toThrow(/row 1 has label 2/);
  });
});

describe("selectRows", () => {
  it("selects rows in the given order with their labels and its own hash", () => {
    const a = two("a", [1, 2, 3, 4], [0, 1]);
    const picked = selectRows(a, [1, 0, 1]);
    expect(Array.from(picked.features)).toEqual([3, 4, 1, 2, 3, 4]);
    expect(Array.from(picked.labels)).toEqual([1, 0, 1]);
    expect(picked.hash).not.toBe(a.hash);
    expect(selectRows(a, [0, 1]).hash).toBe(a.hash);
  });
});
