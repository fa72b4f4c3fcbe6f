/** Where the playground's loss curve puts its points: epochs across, loss up, over the finite values only. */

export type CurveScale = { epochs: number; lo: number; hi: number };

/** The box around every finite value of the lines, over epochs 0 … the last one; never empty. */
export function curveScale(lines: ReadonlyArray<ReadonlyArray<number | null>>, epochs: number): CurveScale {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    for (const v of line) {
      if (v === null || !Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo > hi) return { epochs: Math.max(1, epochs), lo: 0, hi: 1 };
  // A flat line still gets some height, and the curve keeps a margin above and below.
  const pad = Math.max((hi - lo) * 0.05, Math.abs(hi) * 1e-3, 1e-9);
  return { epochs: Math.max(1, epochs), lo: lo - pad, hi: hi + pad };
}

/** Canvas coordinates of (epoch, value) in a w×h plot whose origin is its top left corner. */
export function toCanvas(
  s: CurveScale,
  epoch: number,
  value: number,
  w: number,
  h: number,
): [number, number] {
  return [(epoch / s.epochs) * w, h - ((value - s.lo) / (s.hi - s.lo)) * h];
}
