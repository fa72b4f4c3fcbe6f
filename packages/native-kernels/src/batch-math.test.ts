/**
 * The native batched exp, expm1, tanh and log1p must give Math.exp's, Math.expm1's, Math.tanh's and
 * Math.log1p's bits on every path (AVX-512, AVX2, scalar), so an activation kernel that uses them trains identically in the worker and the browser.
 */
import { describe, expect, it } from "vitest";
import { type ExpKernelName, loadGemmAddon } from "./load-addon";

function addon() {
  const load = loadGemmAddon();
  if (!load.addon) throw new Error(load.status);
  return load.addon;
}

/** Every float32 exponent and sign, random bit patterns (NaNs and infinities among them), and the edges fdlibm branches on. */
function inputs(): Float32Array {
  const n = 1 << 18;
  const z = new Float32Array(n);
  const raw = new Uint32Array(z.buffer);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (i % 4 === 0) raw[i] = s;
    else z[i] = ((s / 2 ** 32) * 2 - 1) * 2 ** ((s % 21) - 10) * 50;
  }
  const edges = [
    0,
    -0,
    1,
    -1,
    2 ** -29,
    -(2 ** -27),
    0.5 * Math.LN2,
    1.5 * Math.LN2,
    -1.5 * Math.LN2,
    699.99,
  ];
  edges.push(
    700,
    -700,
    707.5,
    -707.5,
    -708.4,
    -745.2,
    709.7,
    709.8,
    -746,
    1e30,
    Number.NaN,
    Infinity,
    -Infinity,
  );
  z.set(edges, 8);
  // Ties of the reduction: around k·ln2 for k up to ±1000.
  for (let k = -1000; k <= 1000; k++) {
    const x = k * Math.LN2;
    z.set([x, Math.fround(x) + 2 ** -20, Math.fround(x) - 2 ** -20], 64 + 3 * (k + 1000));
  }
  return z;
}

const SCALES = [1, -1, -1.7, 0.5, 2.25, -0.001];

function mismatches(got: Float64Array, want: (i: number) => number): number {
  let bad = 0;
  for (let i = 0; i < got.length; i++) if (!Object.is(got[i], want(i))) bad++;
  return bad;
}

describe("the batched exponential", () => {
  const z = inputs();
  const kernels: ExpKernelName[] = ["scalar", "avx2", "avx512"];
  for (const kernel of kernels) {
    it(`gives Math.exp's bits on the ${kernel} path for every scale`, (ctx) => {
      const out = new Float64Array(z.length);
      try {
        addon().expScaled(z, 1, out, 1, kernel);
      } catch {
        ctx.skip(`this CPU has no ${kernel}`);
      }
      for (const scale of SCALES) {
        out.fill(0);
        addon().expScaled(z, scale, out, z.length, kernel);
        expect(mismatches(out, (i) => Math.exp(scale * (z[i] as number)))).toBe(0);
      }
    });
  }

  it("gives Math.exp's bits in place over doubles on every path (the exponents GELU's erfc computes)", () => {
    const v = Float64Array.from(z, (x, i) => x * (i % 3 === 0 ? -1.3 : 0.7));
    for (const kernel of kernels) {
      const got = v.slice();
      try {
        addon().expInPlace(got, got.length, kernel);
      } catch {
        continue; // this CPU lacks the path; the others still run
      }
      expect(mismatches(got, (i) => Math.exp(v[i] as number))).toBe(0);
    }
  });

  it("gives Math.exp(scale·|z|)'s bits in its absolute form (softplus's e^-|x|)", () => {
    const out = new Float64Array(z.length);
    for (const scale of SCALES) {
      addon().expScaledAbs(z, scale, out, z.length);
      expect(mismatches(out, (i) => Math.exp(scale * Math.abs(z[i] as number)))).toBe(0);
    }
  });

  it("writes only the first n outputs, whatever n's remainder by the vector width", () => {
    for (const n of [0, 1, 3, 7, 9, 17]) {
      const out = new Float64Array(20).fill(-1);
      addon().expScaled(z, -1, out, n);
      expect(Array.from(out.subarray(n))).toEqual(new Array(20 - n).fill(-1));
      expect(mismatches(out.subarray(0, n), (i) => Math.exp(-(z[i] as number)))).toBe(0);
    }
  });

  it("refuses arrays of the wrong type, an n past either array, and an unknown kernel", () => {
    const a = addon();
    expect(() => a.expScaled(new Float64Array(4) as never, 1, new Float64Array(4), 4)).toThrow(
      /z must be a Float32Array/,
    );
    expect(() => a.expScaled(new Float32Array(4), 1, new Float32Array(4) as never, 4)).toThrow(
      /out must be a Float64Array/,
    );
    expect(() => a.expScaled(new Float32Array(4), 1, new Float64Array(8), 5)).toThrow(/n exceeds an array/);
    expect(() => a.expScaled(new Float32Array(8), 1, new Float64Array(4), 5)).toThrow(/n exceeds an array/);
    expect(() => a.expScaled(new Float32Array(4), 1, new Float64Array(4), 4, "sse" as never)).toThrow(
      /no such kernel/,
    );
  });
});

/** Doubles of every magnitude tanh branches on (2^-28, 1, 22), random bit patterns, NaN and ±∞. */
function tanhInputs(): Float64Array {
  const n = 1 << 18;
  const v = new Float64Array(n);
  const raw = new Uint32Array(v.buffer);
  let s = 999;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (i % 8 === 0) {
      raw[2 * i] = s;
      raw[2 * i + 1] = Math.imul(s, 747796405) >>> 0;
    } else v[i] = ((s / 2 ** 32) * 2 - 1) * 2 ** ((s % 13) - 8) * 30;
  }
  const edges = [0, -0, 1, -1, 22, -22, 21.999, 2 ** -28, -(2 ** -28), 2 ** -29, 0.5 * Math.LN2, 19.4, 0.25];
  v.set([...edges, Number.NaN, Infinity, -Infinity], 1);
  // The arguments whose expm1(±2|x|) land on each k of fdlibm's scaling-back branches.
  for (let k = -3; k <= 64; k++) v.set([(k * Math.LN2) / 2, (k * Math.LN2) / 2 + 1e-9], 40 + 2 * (k + 3));
  return v;
}

describe("the batched tanh", () => {
  const v = tanhInputs();
  for (const kernel of ["scalar", "avx512"] as const) {
    it(`gives Math.tanh's bits on the ${kernel} path`, (ctx) => {
      const got = v.slice();
      try {
        addon().tanhInPlace(new Float64Array(1), 1, kernel);
      } catch {
        ctx.skip(`this CPU has no ${kernel}`);
      }
      addon().tanhInPlace(got, got.length, kernel);
      expect(mismatches(got, (i) => Math.tanh(v[i] as number))).toBe(0);
    });
  }

  it("leaves entries past n alone and refuses a wrong array or an n past it", () => {
    const got = v.slice(0, 20);
    addon().tanhInPlace(got, 9);
    expect(mismatches(got.subarray(9), (i) => v[9 + i] as number)).toBe(0);
    expect(() => addon().tanhInPlace(new Float32Array(4) as never, 4)).toThrow(/v must be a Float64Array/);
    expect(() => addon().tanhInPlace(new Float64Array(4), 5)).toThrow(/n exceeds the array/);
  });
});

/** Softplus's arguments e^-|x| in (0, 1], doubles of every magnitude and sign, random bit patterns, edges. */
function log1pInputs(): Float64Array {
  const n = 1 << 18;
  const v = new Float64Array(n);
  const raw = new Uint32Array(v.buffer);
  let s = 7;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (i % 8 === 0) {
      raw[2 * i] = s;
      raw[2 * i + 1] = Math.imul(s, 747796405) >>> 0;
    } else if (i % 8 === 1) v[i] = Math.exp(-(s / 2 ** 32) * 30);
    else v[i] = ((s / 2 ** 32) * 2 - 0.6) * 2 ** ((s % 40) - 30);
  }
  const edges = [0, -0, -1, -0.5, -0.2928, 0.41421, 0.41422, Math.SQRT2 - 1, 1, 2 ** -29, 2 ** -30, 2 ** 53];
  v.set([...edges, 2 ** 54, 1e-300, 2 ** -20, 1 + 2 ** -20, Number.NaN, Infinity, -Infinity], 1);
  return v;
}

describe("the batched log1p", () => {
  const v = log1pInputs();
  for (const kernel of ["scalar", "avx512"] as const) {
    it(`gives Math.log1p's bits on the ${kernel} path`, (ctx) => {
      try {
        addon().log1pInPlace(new Float64Array(1), 1, kernel);
      } catch {
        ctx.skip(`this CPU has no ${kernel}`);
      }
      const got = v.slice();
      addon().log1pInPlace(got, got.length, kernel);
      expect(mismatches(got, (i) => Math.log1p(v[i] as number))).toBe(0);
    });
  }
});

/** Doubles of every magnitude expm1 branches on (2^-54, 56·ln2, each k·ln2 it scales back by), NaN, ±∞. */
function expm1Inputs(): Float64Array {
  const n = 1 << 18;
  const v = new Float64Array(n);
  const raw = new Uint32Array(v.buffer);
  let s = 3;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (i % 8 === 0) {
      raw[2 * i] = s;
      raw[2 * i + 1] = Math.imul(s, 747796405) >>> 0;
    } else v[i] = ((s / 2 ** 32) * 2 - 1) * 2 ** ((s % 60) - 54);
  }
  const edges = [0, -0, 1, -1, 2 ** -54, -(2 ** -55), 38.8, -38.8, 39, -40, 709, 710, -745, -0.25, -0.3];
  v.set([...edges, Number.NaN, Infinity, -Infinity], 1);
  for (let k = -60; k <= 60; k++)
    v.set([k * Math.LN2, k * Math.LN2 + 1e-9, (k + 0.5) * Math.LN2], 40 + 3 * (k + 60));
  return v;
}

describe("the batched expm1", () => {
  const v = expm1Inputs();
  for (const kernel of ["scalar", "avx512"] as const) {
    it(`gives Math.expm1's bits on the ${kernel} path`, (ctx) => {
      try {
        addon().expm1InPlace(new Float64Array(1), 1, kernel);
      } catch {
        ctx.skip(`this CPU has no ${kernel}`);
      }
      const got = v.slice();
      addon().expm1InPlace(got, got.length, kernel);
      expect(mismatches(got, (i) => Math.expm1(v[i] as number))).toBe(0);
    });
  }
});
