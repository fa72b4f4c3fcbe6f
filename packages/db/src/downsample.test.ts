import { describe, expect, it } from "vitest";
import { downsample, extremePointIndices, type SeriesColumns } from "./downsample";

function series(values: number[], steps = values.map((_, i) => i)): SeriesColumns {
  return {
    steps: Float64Array.from(steps),
    values: Float64Array.from(values),
    wallMs: Float64Array.from(steps.map((s) => 1000 + s)),
  };
}

describe("downsample", () => {
  it("returns every point when they fit", () => {
    const d = downsample(series([3, 1, 2]), 10);
    expect(d.steps).toEqual([0, 1, 2]);
    expect(d.values).toEqual([3, 1, 2]);
    expect(d.total).toBe(3);
  });

  it("keeps the first and last point and every spike as a bucket min or max", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50));
    values[4321] = 100; // a spike
    values[7000] = -100; // a dip
    const d = downsample(series(values), 200);
    expect(d.steps.length).toBeLessThanOrEqual(200);
    expect(d.steps[0]).toBe(0);
    expect(d.values[0]).toBe(values[0]);
    expect(d.steps.at(-1)).toBe(9999);
    expect(d.values.at(-1)).toBe(values[9999]);
    expect(Math.max(...(d.max as number[]))).toBe(100);
    expect(Math.min(...(d.min as number[]))).toBe(-100);
    // Steps stay strictly increasing; each bucket's value is its last point.
    for (let i = 1; i < d.steps.length; i++) expect(d.steps[i]).toBeGreaterThan(d.steps[i - 1] as number);
    for (let i = 0; i < d.steps.length; i++) expect(d.values[i]).toBe(values[d.steps[i] as number]);
  });

  it("re-reads a zoomed range at full resolution", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => i);
    const d = downsample(series(values), 500, { from: 2000, to: 2099 });
    expect(d.total).toBe(100);
    expect(d.steps).toEqual(Array.from({ length: 100 }, (_, i) => 2000 + i));
  });

  it("turns non-finite values into gaps without poisoning min and max", () => {
    const d = downsample(series([1, Number.NaN, 3, Number.POSITIVE_INFINITY]), 10);
    expect(d.values).toEqual([1, null, 3, null]);
  });
});

describe("extremePointIndices", () => {
  it("keeps every point when they fit", () => {
    const s = series([3, 1, 2]);
    expect(extremePointIndices(s.steps, s.values, 3)).toEqual([0, 1, 2]);
  });

  it("keeps at most the cap: the first and last point, and each bucket's min and max, in step order", () => {
    const values = Array.from({ length: 100_000 }, (_, i) => Math.sin(i / 500));
    values[31_337] = 50;
    values[77_777] = -50;
    values[90_000] = Number.NaN;
    const s = series(values);
    const kept = extremePointIndices(s.steps, s.values, 2000);
    expect(kept.length).toBeLessThanOrEqual(2000);
    expect(kept.length).toBeGreaterThan(1000);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(99_999);
    expect(kept).toContain(31_337);
    expect(kept).toContain(77_777);
    expect(kept).not.toContain(90_000);
    expect(kept.every((k, i) => i === 0 || k > (kept[i - 1] as number))).toBe(true);
  });
});
