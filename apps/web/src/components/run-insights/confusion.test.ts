import { describe, expect, it } from "vitest";
import { argmaxRows, confusionFromPredictions } from "./confusion";

describe("confusion counts", () => {
  it("counts true classes by row and predictions by column, with per-class recall", () => {
    const labels = Int32Array.from([0, 0, 0, 1, 1, 2]);
    const predicted = Int32Array.from([0, 0, 1, 1, 2, 2]);
    const c = confusionFromPredictions(predicted, labels, 3);
    expect(c.counts).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(c.recall).toEqual([2 / 3, 0.5, 1]);
    expect(c.accuracy).toBe(4 / 6);
    expect(c.total).toBe(6);
  });

  it("gives no recall for a class without rows", () => {
    const c = confusionFromPredictions(Int32Array.from([1, 1]), Int32Array.from([1, 1]), 3);
    expect(c.recall).toEqual([null, 1, null]);
  });

  it("takes the first class on a tie, like the trainer's argmax", () => {
    const probs = Float32Array.from([0.5, 0.5, 0.2, 0.8, 0.3, 0.3, 0.4]);
    expect(Array.from(argmaxRows(probs.subarray(0, 4), 2, 2))).toEqual([0, 1]);
    expect(Array.from(argmaxRows(Float32Array.from([0.3, 0.3, 0.4, 0.4, 0.4, 0.2]), 2, 3))).toEqual([2, 0]);
  });

  it("refuses labels outside the classes", () => {
    expect(() => confusionFromPredictions(Int32Array.from([0]), Int32Array.from([3]), 2)).toThrow(/outside/);
  });
});
