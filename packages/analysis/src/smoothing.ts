/** Exponential smoothing for noisy curves, debiased the way TensorBoard and W&B do it. */

/**
 * ema_t = w·ema_{t−1} + (1 − w)·x_t, divided by (1 − wⁿ) where n counts the non-null points so far:
 * starting from 0 and debiasing, instead of starting from x_0, keeps the curve from hugging its first
 * value. Nulls (gaps, a diverged NaN) stay null and do not advance the average.
 */
export function debiasedEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (!(weight >= 0 && weight < 1))
    throw new RangeError(`smoothing weight must be in [0, 1) (got ${weight})`);
  const out: (number | null)[] = new Array(values.length);
  let ema = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === null || x === undefined || !Number.isFinite(x)) {
      out[i] = null;
      continue;
    }
    ema = weight * ema + (1 - weight) * x;
    n++;
    out[i] = ema / (1 - weight ** n);
  }
  return out;
}
