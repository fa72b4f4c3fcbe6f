/**
 * Honest downsampling for charts: per bucket of x the min, the max and the last point, so spikes and
 * the current value both survive; the first and the last point are always kept; never random sampling.
 */
import { lowerBound } from "@actlab/core";

export type SeriesColumns = { steps: Float64Array; values: Float64Array; wallMs: Float64Array };

export type Downsampled = {
  /** Step of each bucket's last point. */
  steps: number[];
  /** Value of each bucket's last point (null where it was NaN/±Infinity). */
  values: (number | null)[];
  min: (number | null)[];
  max: (number | null)[];
  wallMs: number[];
  /** Points in the requested range before downsampling. */
  total: number;
};

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function downsample(
  s: SeriesColumns,
  buckets: number,
  range?: { from: number; to: number },
): Downsampled {
  const start = range ? lowerBound(s.steps, range.from) : 0;
  const end = range ? lowerBound(s.steps, range.to + 1e-9) : s.steps.length; // inclusive of `to`
  const total = Math.max(0, end - start);
  const out: Downsampled = { steps: [], values: [], min: [], max: [], wallMs: [], total };
  if (total === 0) return out;
  if (total <= buckets) {
    for (let i = start; i < end; i++) {
      const v = finite(s.values[i] as number);
      out.steps.push(s.steps[i] as number);
      out.values.push(v);
      out.min.push(v);
      out.max.push(v);
      out.wallMs.push(s.wallMs[i] as number);
    }
    return out;
  }
  const lo = s.steps[start] as number;
  const span = (s.steps[end - 1] as number) - lo;
  // The first point is its own bucket, so it is always kept; the last point closes the last bucket.
  out.steps.push(lo);
  const v0 = finite(s.values[start] as number);
  out.values.push(v0);
  out.min.push(v0);
  out.max.push(v0);
  out.wallMs.push(s.wallMs[start] as number);
  const n = buckets - 1;
  let bucket = -1;
  let mn = Number.POSITIVE_INFINITY;
  let mx = Number.NEGATIVE_INFINITY;
  for (let i = start + 1; i < end; i++) {
    const b = Math.min(n - 1, Math.floor((((s.steps[i] as number) - lo) * n) / (span || 1)));
    if (b !== bucket && bucket !== -1) {
      out.min.push(Number.isFinite(mn) ? mn : null);
      out.max.push(Number.isFinite(mx) ? mx : null);
      mn = Number.POSITIVE_INFINITY;
      mx = Number.NEGATIVE_INFINITY;
    }
    if (b !== bucket) {
      bucket = b;
      out.steps.push(s.steps[i] as number);
      out.values.push(null);
      out.wallMs.push(0);
    }
    const v = s.values[i] as number;
    if (Number.isFinite(v)) {
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    const k = out.steps.length - 1;
    out.steps[k] = s.steps[i] as number;
    out.values[k] = finite(v);
    out.wallMs[k] = s.wallMs[i] as number;
  }
  out.min.push(Number.isFinite(mn) ? mn : null);
  out.max.push(Number.isFinite(mx) ? mx : null);
  return out;
}
