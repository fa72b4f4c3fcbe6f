/** Client-side metric series: merge streamed points into sorted per-key arrays, deduplicated by step. */
import { lowerBound } from "@actlab/core";

export type Series = { steps: number[]; values: (number | null)[] };
export type SeriesMap = Record<string, Series>;
export type IncomingPoint = { key: string; step: number; value: number | null };

/** Returns a new map with the points merged in; a point at an existing step replaces it. */
export function mergePoints(map: SeriesMap, points: readonly IncomingPoint[]): SeriesMap {
  if (points.length === 0) return map;
  const next: SeriesMap = { ...map };
  const touched = new Set<string>();
  for (const p of points) {
    let s = next[p.key];
    if (!touched.has(p.key)) {
      s = s ? { steps: [...s.steps], values: [...s.values] } : { steps: [], values: [] };
      next[p.key] = s;
      touched.add(p.key);
    }
    if (!s) continue;
    const last = s.steps.length - 1;
    if (last < 0 || (s.steps[last] as number) < p.step) {
      s.steps.push(p.step);
      s.values.push(p.value);
      continue;
    }
    const i = lowerBound(s.steps, p.step);
    if (s.steps[i] === p.step) s.values[i] = p.value;
    else {
      s.steps.splice(i, 0, p.step);
      s.values.splice(i, 0, p.value);
    }
  }
  return next;
}

export function seriesFromRows(
  rows: ReadonlyArray<{ key: string; steps: number[]; values: (number | null)[] }>,
) {
  const map: SeriesMap = {};
  for (const r of rows) map[r.key] = { steps: [...r.steps], values: [...r.values] };
  return map;
}

/** Aligns several series on the union of their x values, for uPlot (nulls where a series has no point). */
export function alignSeries(series: readonly Series[]): [number[], ...(number | null)[][]] {
  const xs = [...new Set(series.flatMap((s) => s.steps))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array(xs.length).fill(null);
    s.steps.forEach((step, i) => {
      y[index.get(step) as number] = s.values[i] ?? null;
    });
    return y;
  });
  return [xs, ...ys];
}
