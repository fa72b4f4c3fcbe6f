/** erf and erfc against a high-precision table, their symmetries and their tails. */
// biome-ignore-all lint/correctness/noPrecisionLoss: reference values keep 20 digits; each rounds to its nearest double.
import { describe, expect, it } from "vitest";
import { erf, erfc, erfcInPlace } from "./erf";

/** [x, erf(x), erfc(x)] to 20 digits, from mpmath at 40-digit precision (an independent arbitrary-precision library). */
const TABLE = [
  [0.001, 0.0011283787909692363799, 0.99887162120903076362],
  [0.1, 0.1124629160182848922, 0.8875370839817151078],
  [0.3, 0.32862675945912742764, 0.67137324054087257236],
  [0.46875, 0.49261347321793799159, 0.50738652678206200841],
  [0.5, 0.52049987781304653768, 0.47950012218695346232],
  [0.75, 0.7111556336535151316, 0.2888443663464848684],
  [1, 0.84270079294971486934, 0.15729920705028513066],
  [1.5, 0.96610514647531072707, 0.033894853524689272933],
  [2, 0.99532226501895273416, 0.0046777349810472658379],
  [2.5, 0.99959304798255504106, 0.00040695201744495893956],
  [3, 0.99997790950300141456, 0.000022090496998585441373],
  [3.5, 0.99999925690162765859, 7.4309837234141274552e-7],
  [4, 0.99999998458274209972, 1.5417257900280018852e-8],
  [4.5, 0.99999999980338395585, 1.9661604415428874763e-10],
  [5, 0.99999999999846254021, 1.5374597944280348502e-12],
  [6, 0.99999999999999997848, 2.1519736712498913117e-17],
] as const;

/** [x, erfc(x)] deep in the tail, where 1 - erf(x) would be all cancellation. */
const TAIL = [
  [8, 1.122429717298292708e-29],
  [10, 2.088487583762544757e-45],
  [15, 7.2129941724512066666e-100],
  [20, 5.3958656116079009289e-176],
  [26, 5.6631924088561428465e-296],
] as const;

// Cody's approximations are good to ~1e-17 before rounding; a few ulps of double arithmetic remain.
const RELATIVE = 1e-15;

describe("erf", () => {
  it("matches the brief's reference values", () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(erf(2)).toBeCloseTo(0.9953222650189527, 15);
    expect(erf(6)).toBeCloseTo(1, 15);
    expect(erf(0)).toBe(0);
  });

  it("agrees with a high-precision table to 1e-15 relative on all three of Cody's intervals", () => {
    for (const [x, expected] of TABLE) {
      expect(Math.abs(erf(x) - expected), `erf(${x})`).toBeLessThanOrEqual(RELATIVE * expected);
    }
  });

  it("is odd: erf(-x) = -erf(x)", () => {
    for (const [x] of TABLE) expect(erf(-x)).toBe(-erf(x));
  });

  it("tends to ±1 and never leaves [-1, 1]", () => {
    for (const x of [6, 10, 27, 1e3, Number.MAX_VALUE, Infinity]) {
      expect(erf(x)).toBe(1);
      expect(erf(-x)).toBe(-1);
    }
  });
});

describe("erfc", () => {
  it("agrees with the table to 1e-15 relative, including where erfc is tiny", () => {
    for (const [x, , expected] of TABLE) {
      expect(Math.abs(erfc(x) - expected), `erfc(${x})`).toBeLessThanOrEqual(RELATIVE * expected);
    }
    for (const [x, expected] of TAIL) {
      expect(Math.abs(erfc(x) - expected), `erfc(${x})`).toBeLessThanOrEqual(RELATIVE * expected);
    }
  });

  it("reflects as erfc(-x) = 2 - erfc(x) and underflows to 0 past x ≈ 26.5", () => {
    for (const [x] of TABLE) expect(erfc(-x)).toBe(2 - erfc(x));
    expect(erfc(27)).toBe(0);
    expect(erfc(-27)).toBe(2);
  });

  it("adds up with erf to 1", () => {
    for (let x = -6; x <= 6; x += 0.01) expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(2.3e-16);
  });
});

describe("erfcInPlace", () => {
  it("gives erfc's bits for a whole batch, both signs, every branch and the underflowed tail", () => {
    const xs = Float64Array.from({ length: 4001 }, (_, i) => (i - 2000) / 64);
    xs.set([0, -0, 0.46875, -0.46875, 4, -4, 26.543, 27, Number.NaN], 0);
    const got = erfcInPlace(xs.slice(), xs.length);
    const mismatched = Array.from(xs).filter((x, i) => !Object.is(got[i], erfc(x)));
    expect(mismatched).toEqual([]);
  });
});
