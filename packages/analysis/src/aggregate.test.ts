import { describe, expect, it } from "vitest";
import { aggregateSeries } from "./aggregate";

describe("aggregateSeries", () => {
  it("aligns members on the union of x, interpolating inside each member's range", () => {
    const out = aggregateSeries(
      [
        { x: [0, 10], y: [0, 10] },
        { x: [0, 5, 10], y: [2, 4, 6] },
      ],
      "std",
    );
    expect(out.x).toEqual([0, 5, 10]);
    expect(out.mean).toEqual([1, 4.5, 8]);
    expect(out.n).toEqual([2, 2, 2]);
    expect(out.lo[0]).toBeCloseTo(1 - Math.SQRT2, 12);
    expect(out.hi[2]).toBeCloseTo(8 + 2 * Math.SQRT2, 12); // std of [10, 6] = √8
  });

  it("never extrapolates past a member's last point, and has no band with one member", () => {
    const out = aggregateSeries(
      [
        { x: [0, 5], y: [1, 1] },
        { x: [0, 10], y: [3, 3] },
      ],
      "sem",
    );
    expect(out.x).toEqual([0, 5, 10]);
    expect(out.n).toEqual([2, 2, 1]);
    expect(out.mean[2]).toBe(3);
    expect(out.lo[2]).toBeNull();
    expect(out.hi[2]).toBeNull();
    expect(out.hi[0]).toBeCloseTo(2 + 1, 12); // sem of [1, 3] = √2 / √2
  });

  it("widens the ci95 band by the t quantile", () => {
    const out = aggregateSeries(
      [
        { x: [0], y: [1] },
        { x: [0], y: [3] },
      ],
      "ci95",
    );
    expect(out.hi[0]).toBeCloseTo(2 + 12.7062047, 5);
  });

  it("does not draw through a null point of a diverged member", () => {
    const out = aggregateSeries(
      [
        { x: [0, 10, 20], y: [1, null, 5] },
        { x: [5], y: [7] },
      ],
      "std",
    );
    expect(out.x).toEqual([0, 5, 10, 20]);
    expect(out.n).toEqual([1, 1, 0, 1]);
    expect(out.mean).toEqual([1, 7, null, 5]);
  });

  it("accepts members whose points come unsorted", () => {
    const out = aggregateSeries([{ x: [10, 0], y: [10, 0] }], "std");
    expect(out.x).toEqual([0, 10]);
    expect(out.mean).toEqual([0, 10]);
  });
});
