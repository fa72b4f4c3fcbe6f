/**
 * erf and erfc in double precision (JS has no Math.erf), for exact GELU and its derivative.
 * W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
 * coefficients as in Netlib SPECFUN CALERF; |relative error| stays near 1e-16 on every interval.
 */
// biome-ignore-all lint/correctness/noPrecisionLoss: the coefficients keep Cody's published digits; each rounds to its nearest double.

import { expInPlace, scratchOf } from "../math/batch-math";

const ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;

// |x| ≤ 0.46875: erf(x) = x·A(x²)/B(x²).
const A0 = 3.1611237438705656;
const A1 = 1.13864154151050156e2;
const A2 = 3.77485237685302021e2;
const A3 = 3.20937758913846947e3;
const A4 = 1.85777706184603153e-1;
const B0 = 2.36012909523441209e1;
const B1 = 2.44024637934444173e2;
const B2 = 1.28261652607737228e3;
const B3 = 2.84423683343917062e3;

// 0.46875 < |x| ≤ 4: erfc(x) = exp(-x²)·C(x)/D(x).
const C = [
  5.64188496988670089e-1, 8.88314979438837594, 6.61191906371416295e1, 2.98635138197400131e2,
  8.8195222124176909e2, 1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3,
  2.15311535474403846e-8,
] as const;
const D = [
  1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3,
  3.29079923573345963e3, 4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3,
] as const;

// |x| > 4: erfc(x) = exp(-x²)/x·(1/√π + R(1/x²)/x²).
const P = [
  3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
  6.58749161529837803e-4, 1.63153871373020978e-2,
] as const;
const Q = [
  2.56852019228982242, 1.87295284992346047, 5.27905102951428412e-1, 6.05183413124413191e-2,
  2.33520497626869185e-3,
] as const;

/** Beyond this erfc(x) underflows to 0 in double. */
const ERFC_UNDERFLOW = 26.543;

function erfSmall(x: number): number {
  const t = x * x;
  const num = (((A4 * t + A0) * t + A1) * t + A2) * t + A3;
  const den = (((t + B0) * t + B1) * t + B2) * t + B3;
  return (x * num) / den;
}

/**
 * exp(-y²) split as exp(-r²)·exp(-(y-r)(y+r)) with r = y rounded down to 1/16: r² is exact,
 * which keeps the exponent's rounding error from growing with y² (Cody's trick). The two exponents:
 */
const squareHead = (r: number) => -r * r;
const squareTail = (y: number, r: number) => -(y - r) * (y + r);
const sixteenthBelow = (y: number) => Math.trunc(16 * y) / 16;

function expMinusSquare(y: number): number {
  const r = sixteenthBelow(y);
  return Math.exp(squareHead(r)) * Math.exp(squareTail(y, r));
}

/** erfc(y) for y > 0.46875. */
function erfcPositive(y: number): number {
  return erfcPositiveGiven(y, expMinusSquare(y));
}

/** erfc(y) for y > 0.46875, given expMinusSquare(y). */
function erfcPositiveGiven(y: number, expMinusY2: number): number {
  if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (C[i] as number)) * y;
      den = (den + (D[i] as number)) * y;
    }
    return (expMinusY2 * (num + C[7])) / (den + D[7]);
  }
  if (y >= ERFC_UNDERFLOW) return 0;
  const t = 1 / (y * y);
  let num = P[5] * t;
  let den = t;
  for (let i = 0; i < 4; i++) {
    num = (num + (P[i] as number)) * t;
    den = (den + (Q[i] as number)) * t;
  }
  const tail = (t * (num + P[4])) / (den + Q[4]);
  return (expMinusY2 * (ONE_OVER_SQRT_PI - tail)) / y;
}

/** The error function erf(x) = 2/√π ∫₀ˣ exp(-t²) dt. */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const value = 1 - erfcPositive(y);
  return x < 0 ? -value : value;
}

/** The complementary error function 1 - erf(x), without the cancellation of computing it that way for large x. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const tail = erfcPositive(y);
  return x < 0 ? 2 - tail : tail;
}

/**
 * v[i] = erfc(v[i]) for i < n, in place: erfc's exponentials for the whole batch at once (natively when a
 * backend is plugged), the rest as erfc computes it, so each value has erfc's bits. Uses scratch slots 2, 3.
 */
export function erfcInPlace(v: Float64Array, n: number): Float64Array {
  const heads = scratchOf(n, 2);
  const tails = scratchOf(n, 3);
  for (let i = 0; i < n; i++) {
    const y = Math.abs(v[i] as number);
    const r = sixteenthBelow(y);
    heads[i] = squareHead(r);
    tails[i] = squareTail(y, r);
  }
  expInPlace(heads, n);
  expInPlace(tails, n);
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    const y = Math.abs(x);
    if (y <= 0.46875) {
      v[i] = 1 - erfSmall(x);
      continue;
    }
    const tail = erfcPositiveGiven(y, (heads[i] as number) * (tails[i] as number));
    v[i] = x < 0 ? 2 - tail : tail;
  }
  return v;
}
