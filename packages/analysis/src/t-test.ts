/** Two-sample comparisons of seed outcomes: Welch's t-test and a seeded bootstrap interval of the mean difference. */
import { finiteValues, mean, variance } from "./describe";
import { tTwoSidedP } from "./t-distribution";

export type WelchResult = {
  /** mean(a) − mean(b). */
  diff: number;
  /** Standard error of the difference, √(s²a/na + s²b/nb). */
  se: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  p: number;
};

/** Welch's standard error and degrees of freedom of mean(a) − mean(b); null with fewer than two values a side. */
export function welchDiff(
  a: readonly number[],
  b: readonly number[],
): { diff: number; se: number; df: number } | null {
  const xa = finiteValues(a);
  const xb = finiteValues(b);
  if (xa.length < 2 || xb.length < 2) return null;
  const va = (variance(xa) as number) / xa.length;
  const vb = (variance(xb) as number) / xb.length;
  const diff = (mean(xa) as number) - (mean(xb) as number);
  const se = Math.sqrt(va + vb);
  const df =
    se === 0
      ? xa.length + xb.length - 2
      : (va + vb) ** 2 / (va ** 2 / (xa.length - 1) + vb ** 2 / (xb.length - 1));
  return { diff, se, df };
}

/**
 * Welch's unequal-variance t-test; null when either side has fewer than two finite values (no variance,
 * so no test). Seeds whose outcomes are identical (zero variance on both sides) give p = 1 for equal means
 * and p = 0 otherwise: the limit of the test, not a NaN.
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult | null {
  const w = welchDiff(a, b);
  if (!w) return null;
  const { diff, se, df } = w;
  if (se === 0) {
    return diff === 0
      ? { diff, se, t: 0, df, p: 1 }
      : { diff, se, t: diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, df, p: 0 };
  }
  const t = diff / se;
  return { diff, se, t, df, p: tTwoSidedP(t, df) };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same bootstrap interval on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

export type BootstrapOptions = { iterations?: number; seed?: number; level?: number };
export type BootstrapCi = { diff: number; lo: number; hi: number; level: number; iterations: number };

/**
 * Percentile bootstrap interval of mean(a) − mean(b): resample each side with replacement, independently.
 * Null when either side is empty. With few seeds the interval is too narrow (the bootstrap cannot see
 * spread it was not shown); prefer Welch's test there.
 */
export function bootstrapMeanDiffCi(
  a: readonly number[],
  b: readonly number[],
  { iterations = 2000, seed = 1, level = 0.95 }: BootstrapOptions = {},
): BootstrapCi | null {
  if (!(Number.isInteger(iterations) && iterations >= 1))
    throw new RangeError(`iterations must be a positive integer (got ${iterations})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1) (got ${level})`);
  const xa = finiteValues(a);
  const xb = finiteValues(b);
  if (xa.length === 0 || xb.length === 0) return null;
  const random = seededRandom(seed);
  const resampledMean = (xs: number[]): number => {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) sum += xs[Math.floor(random() * xs.length)] as number;
    return sum / xs.length;
  };
  const diffs = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) diffs[i] = resampledMean(xa) - resampledMean(xb);
  diffs.sort();
  const at = (q: number): number => {
    const pos = (iterations - 1) * q;
    const i = Math.floor(pos);
    const lo = diffs[i] as number;
    return lo + ((diffs[Math.min(i + 1, iterations - 1)] as number) - lo) * (pos - i);
  };
  const tail = (1 - level) / 2;
  return {
    diff: (mean(xa) as number) - (mean(xb) as number),
    lo: at(tail),
    hi: at(1 - tail),
    level,
    iterations,
  };
}
