/** σ and softplus written so that no intermediate overflows for any finite x: the scalar references' building blocks. */

/** σ(x), evaluated through exp(-|x|) so exp never overflows. */
export function stableSigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + eˣ) = max(x, 0) + log1p(e^-|x|): exact to rounding at both ends (x at ±100 and beyond). */
export function stableSoftplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
