import { describe, expect, it } from "vitest";
import { lowerBound } from "./sorted-search";

describe("lowerBound", () => {
  it("finds the first index at or after a value, in arrays and typed arrays", () => {
    const steps = [10, 20, 20, 30];
    expect([5, 10, 15, 20, 25, 30, 35].map((x) => lowerBound(steps, x))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(lowerBound(Float64Array.from(steps), 20)).toBe(1);
    expect(lowerBound([], 1)).toBe(0);
  });
});
