/**
 * Descriptive statistics over samples (seeds of one config, usually). Each returns null rather than
 * NaN when the sample is too small for the statistic to exist, so callers must say "n/a" honestly.
 */
import { tQuantile } from "./t-distribution";

/** Only the finite numbers: a diverged run's null/NaN must not poison a mean. */
export function finiteValues(values: readonly (number | null | undefined)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  return out;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample variance (n − 1 denominator); null for fewer than two values. */
export function variance(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (values.length - 1);
}

/** Sample standard deviation (n − 1 denominator); null for fewer than two values. */
export function std(values: readonly number[]): number | null {
  const v = variance(values);
  return v === null ? null : Math.sqrt(v);
}

/** Standard error of the mean, s / √n; null for fewer than two values. */
export function sem(values: readonly number[]): number | null {
  const s = std(values);
  return s === null ? null : s / Math.sqrt(values.length);
}

/** Half-width of the 95% confidence interval of the mean, t(0.975, n − 1) · s / √n. */
export function ci95HalfWidth(values: readonly number[]): number | null {
  const e = sem(values);
  return e === null ? null : tQuantile(0.975, values.length - 1) * e;
}

/** The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics (R type 7, numpy default). */
export function quantile(values: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile needs 0 ≤ q ≤ 1 (got ${q})`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const lo = sorted[i] as number;
  const hi = sorted[Math.min(i + 1, sorted.length - 1)] as number;
  return lo + (hi - lo) * (pos - i);
}

export type Description = {
  n: number;
  mean: number | null;
  std: number | null;
  sem: number | null;
  ci95: number | null;
  min: number | null;
  median: number | null;
  max: number | null;
};

/** All of the above at once, over the finite values only. */
export function describe(values: readonly (number | null | undefined)[]): Description {
  const xs = finiteValues(values);
  return {
    n: xs.length,
    mean: mean(xs),
    std: std(xs),
    sem: sem(xs),
    ci95: ci95HalfWidth(xs),
    min: quantile(xs, 0),
    median: quantile(xs, 0.5),
    max: quantile(xs, 1),
  };
}
