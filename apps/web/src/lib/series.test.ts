import { describe, expect, it } from "vitest";
import { alignSeries, mergePoints } from "./series";

describe("mergePoints", () => {
  it("appends new steps in order and replaces a repeated step instead of duplicating it", () => {
    let m = mergePoints({}, [
      { key: "loss", step: 1, value: 3 },
      { key: "loss", step: 2, value: 2 },
    ]);
    m = mergePoints(m, [
      { key: "loss", step: 2, value: 2.5 },
      { key: "loss", step: 3, value: 1 },
      { key: "acc", step: 3, value: 0.5 },
    ]);
    expect(m.loss).toEqual({ steps: [1, 2, 3], values: [3, 2.5, 1] });
    expect(m.acc).toEqual({ steps: [3], values: [0.5] });
  });

  it("inserts a late point at its sorted place and leaves the input map untouched", () => {
    const a = mergePoints({}, [
      { key: "k", step: 1, value: 1 },
      { key: "k", step: 5, value: 5 },
    ]);
    const b = mergePoints(a, [{ key: "k", step: 3, value: 3 }]);
    expect(b.k?.steps).toEqual([1, 3, 5]);
    expect(a.k?.steps).toEqual([1, 5]);
  });
});

describe("alignSeries", () => {
  it("puts nulls where a series has no point at a shared x", () => {
    const [x, a, b] = alignSeries([
      { steps: [1, 2], values: [10, 20] },
      { steps: [2, 3], values: [200, 300] },
    ]);
    expect(x).toEqual([1, 2, 3]);
    expect(a).toEqual([10, 20, null]);
    expect(b).toEqual([null, 200, 300]);
  });
});
