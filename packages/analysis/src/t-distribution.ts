/** Student's t distribution: CDF through the incomplete beta function, quantiles by bisection on it. */
import { incompleteBeta } from "./special";

function assertDf(df: number): void {
  if (!(df > 0) || Number.isNaN(df)) throw new RangeError(`degrees of freedom must be > 0 (got ${df})`);
}

/** P(|T| ≥ |t|) for T ~ t(df): the two-sided p-value of a t statistic. */
export function tTwoSidedP(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (!Number.isFinite(df)) return 2 * normalUpperTail(Math.abs(t));
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** P(T ≤ t) for T ~ t(df). */
export function tCdf(t: number, df: number): number {
  const tail = tTwoSidedP(t, df) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of t(df), 0 < p < 1 (e.g. tQuantile(0.975, 4) ≈ 2.776). */
export function tQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile needs 0 < p < 1 (got ${p})`);
  if (p === 0.5) return 0;
  // Symmetric: solve for the upper half, where the CDF is increasing, then mirror.
  const upper = p > 0.5 ? p : 1 - p;
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < upper && hi < 1e12) hi *= 2;
  // Bisection: 200 halvings reach the spacing of doubles for any bracket above.
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < upper) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return p > 0.5 ? t : -t;
}

/** P(Z ≥ z) for a standard normal Z (df → ∞ limit), from erfc (Numerical Recipes' erfcc, |error| < 1.2e-7). */
function normalUpperTail(z: number): number {
  const x = z / Math.SQRT2;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.5 * ax);
  const erfc =
    t *
    Math.exp(
      -ax * ax -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return (x >= 0 ? erfc : 2 - erfc) / 2;
}
