/**
 * Equivalence by two one-sided tests (TOST, Schuirmann 1987) on Welch's statistic: "equal within ±margin"
 * needs its own test, because a large p from a difference test only says the data could not tell.
 */
import { tCdf, tQuantile } from "./t-distribution";
import { welchDiff } from "./t-test";

export type TostResult = {
  /** mean(a) − mean(b). */
  diff: number;
  se: number;
  df: number;
  /** The equivalence margin Δ: equivalent means |true difference| < Δ. */
  margin: number;
  /** max of the two one-sided p-values: below alpha, the difference is shown to lie inside (−Δ, Δ). */
  p: number;
  /** The (1 − 2α) interval TOST is equivalent to: equivalence iff it lies inside (−Δ, Δ). */
  lo: number;
  hi: number;
};

/** Confidence interval of mean(a) − mean(b) from Welch's t; null with fewer than two values a side. */
export function welchCi(
  a: readonly number[],
  b: readonly number[],
  level = 0.95,
): { diff: number; lo: number; hi: number; level: number } | null {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1) (got ${level})`);
  const w = welchDiff(a, b);
  if (!w) return null;
  const half = w.se === 0 ? 0 : tQuantile(1 - (1 - level) / 2, w.df) * w.se;
  return { diff: w.diff, lo: w.diff - half, hi: w.diff + half, level };
}

export function tostEquivalence(
  a: readonly number[],
  b: readonly number[],
  margin: number,
  alpha = 0.05,
): TostResult | null {
  if (!(margin > 0)) throw new RangeError(`margin must be > 0 (got ${margin})`);
  const w = welchDiff(a, b);
  if (!w) return null;
  const { diff, se, df } = w;
  if (se === 0) {
    const inside = Math.abs(diff) < margin;
    return { diff, se, df, margin, p: inside ? 0 : 1, lo: diff, hi: diff };
  }
  // H0a: diff ≤ −Δ, rejected when (diff + Δ)/se is large; H0b: diff ≥ Δ, rejected when (diff − Δ)/se is small.
  const pLower = 1 - tCdf((diff + margin) / se, df);
  const pUpper = tCdf((diff - margin) / se, df);
  const half = tQuantile(1 - alpha, df) * se;
  return { diff, se, df, margin, p: Math.max(pLower, pUpper), lo: diff - half, hi: diff + half };
}

/**
 * Seeds per group at which the 95% interval of the difference would be about ±target wide, from the
 * pooled per-seed spread seen so far (normal approximation: half-width ≈ 1.96·s·√(2/n)).
 */
export function seedsForHalfWidth(perSeedStd: number, halfWidth: number): number | null {
  if (!(perSeedStd > 0) || !(halfWidth > 0)) return null;
  return Math.max(2, Math.ceil(2 * ((1.96 * perSeedStd) / halfWidth) ** 2));
}
