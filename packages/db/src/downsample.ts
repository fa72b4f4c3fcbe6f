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

/** Which of `n` equal step buckets over [lo, lo + span] holds `step` (the last bucket is closed). */
const bucketOf = (step: number, lo: number, span: number, n: number) =>
  Math.min(n - 1, Math.floor(((step - lo) * n) / (span || 1)));

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
    const b = bucketOf(s.steps[i] as number, lo, span, n);
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

/**
 * The indices of real points to keep so a series has at most `maxPoints`: the first point, then per step
 * bucket its lowest, highest and last point in step order (a bucket of one point gives one index).
 * For a chart that draws points, not bands: the kept points are the series' own.
 */
export function extremePointIndices(steps: Float64Array, values: Float64Array, maxPoints: number): number[] {
  const total = steps.length;
  if (total <= maxPoints) return Array.from({ length: total }, (_, i) => i);
  const kept = [0];
  const lo = steps[0] as number;
  const span = (steps[total - 1] as number) - lo;
  const n = Math.max(1, Math.floor((maxPoints - 1) / 3));
  let bucket = -1;
  let low = -1;
  let high = -1;
  let last = -1;
  const close = () => {
    // Sorted and deduplicated: min, max and last may be the same point, and come in any order.
    for (const i of [...new Set([low, high, last])].filter((i) => i >= 0).sort((a, b) => a - b)) kept.push(i);
  };
  for (let i = 1; i < total; i++) {
    const b = bucketOf(steps[i] as number, lo, span, n);
    if (b !== bucket) {
      if (bucket !== -1) close();
      bucket = b;
      low = -1;
      high = -1;
    }
    const v = values[i] as number;
    // Non-finite values are never an extreme; a bucket's last point is kept whatever it holds.
    if (Number.isFinite(v)) {
      if (low === -1 || v < (values[low] as number)) low = i;
      if (high === -1 || v > (values[high] as number)) high = i;
    }
    last = i;
  }
  close();
  return kept;
}
