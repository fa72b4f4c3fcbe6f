/** Checks every native kernel this CPU runs (and the dispatching entry point) against the float64 reference. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type NativeGemmBackend, nativeGemmBackend, nativeGemmBackends, nativeKernelsStatus } from "./index";
import { type GemmCase, opA, opB, referenceGemm } from "./reference-gemm";

const U = 2 ** -24; // unit roundoff of float32

/**
 * Float32 GEMM error bound (Higham, Accuracy and Stability, §3.5): each element is a sum of k products
 * plus beta·c, and along any summation path (FMA steps, per-KC-block partial sums, the final add to C)
 * there are at most k + 1 roundings, so |ĉ − c| ≤ γ_{k+1} · (Σ|a·b| + |c|) with γ_n ≈ n·u. We use
 * (k + 2)·u·scale to also cover the reference's own float64 error. A lost or doubled product term is
 * far outside this (see the test "rejects a result that misses one product term").
 */
function maxViolation(
  g: GemmCase,
  got: Float32Array,
  ref: { value: Float64Array; scale: Float64Array },
): number {
  let worst = 0;
  for (let idx = 0; idx < g.m * g.n; idx++) {
    const err = Math.abs((got[g.cOffset + idx] ?? Number.NaN) - (ref.value[idx] ?? 0));
    const tol = (g.k + 2) * U * (ref.scale[idx] ?? 0) + Number.MIN_VALUE;
    const ratio = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err / tol;
    if (ratio > worst) worst = ratio;
  }
  return worst; // ≤ 1 means every element is within its bound
}

/** mulberry32: a seeded generator so failures reproduce. */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomArray(length: number, random: () => number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = random() * 2 - 1;
  return out;
}

const SENTINEL = 12345.5;
const OFFSETS = { a: 3, b: 5, c: 7 };

/** A case with inputs placed at non-zero offsets and sentinels after C, so stray writes show up. */
function makeCase(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  beta: 0 | 1,
  seed: number,
) {
  const random = seededRandom(seed);
  const A = randomArray(OFFSETS.a + m * k + 2, random);
  const B = randomArray(OFFSETS.b + k * n + 2, random);
  const C = randomArray(OFFSETS.c + m * n + 4, random)
    .fill(SENTINEL, 0, OFFSETS.c)
    .fill(SENTINEL, OFFSETS.c + m * n);
  // With beta 0 the old C must never be read: NaN would poison any read of it.
  if (beta === 0) C.fill(Number.NaN, OFFSETS.c, OFFSETS.c + m * n);
  const g: GemmCase = {
    transA,
    transB,
    m,
    n,
    k,
    A,
    aOffset: OFFSETS.a,
    B,
    bOffset: OFFSETS.b,
    C,
    cOffset: OFFSETS.c,
    beta,
  };
  return g;
}

// Both kernels are checked against one reference per case (the float64 loop dominates test time).
const referenceCache = new Map<string, ReturnType<typeof referenceGemm>>();
function cachedReference(key: string, g: GemmCase): ReturnType<typeof referenceGemm> {
  const hit = referenceCache.get(key);
  if (hit) return hit;
  const ref = referenceGemm(g);
  referenceCache.set(key, ref);
  return ref;
}

function run(backend: NativeGemmBackend, g: GemmCase): Float32Array {
  const C = g.C.slice();
  backend.sgemm(g.transA, g.transB, g.m, g.n, g.k, g.A, g.aOffset, g.B, g.bOffset, C, g.cOffset, g.beta);
  return C;
}

/** The raw bytes, so comparisons see -0 vs +0 and NaN payloads. */
function bits(values: Float32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

function expectSentinelsIntact(g: GemmCase, C: Float32Array): void {
  for (let i = 0; i < g.cOffset; i++) expect(C[i]).toBe(SENTINEL);
  for (let i = g.cOffset + g.m * g.n; i < C.length; i++) expect(C[i]).toBe(SENTINEL);
}

function requireBackend(backend: NativeGemmBackend | null): NativeGemmBackend {
  if (!backend) throw new Error(`native addon not loaded: ${nativeKernelsStatus()}`);
  return backend;
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [7, 13, 5],
  [65, 33, 129],
  [256, 512, 784],
];
const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

describe("native addon loading", () => {
  it("loads on this machine (g++, make, python3 and Node headers are installed)", () => {
    expect(nativeGemmBackend, nativeKernelsStatus()).not.toBeNull();
  });

  it("offers exactly the kernels the CPU's flags allow, the fastest as the default", () => {
    const flags =
      readFileSync("/proc/cpuinfo", "utf8")
        .match(/^flags\s*:(.*)$/m)?.[1]
        ?.split(/\s+/) ?? [];
    const avx2 = flags.includes("avx2") && flags.includes("fma");
    const expected = [
      ...(avx2 && flags.includes("avx512f") ? ["native-avx512"] : []),
      ...(avx2 ? ["native-avx2"] : []),
      "native-scalar",
    ];
    expect(nativeGemmBackends.map((b) => b.name)).toEqual(expected);
    expect(requireBackend(nativeGemmBackend).name).toBe(expected[0]);
  });
});

// The default entry point (which also reroutes n ≤ 16 from AVX-512 to AVX2) and each kernel on its own.
const BACKENDS_UNDER_TEST: [string, NativeGemmBackend | null][] = [
  ["default sgemm", nativeGemmBackend],
  ...nativeGemmBackends.map((b): [string, NativeGemmBackend] => [b.name, b]),
];

describe.each(BACKENDS_UNDER_TEST)("%s", (_label, maybeBackend) => {
  for (const [m, n, k] of SHAPES) {
    for (const [transA, transB] of TRANSPOSES) {
      for (const beta of [0, 1] as const) {
        const op = `${transA ? "T" : "N"}${transB ? "T" : "N"}`;
        it(`matches the float64 reference for ${m}×${n}×${k} ${op} beta=${beta} at non-zero offsets`, () => {
          const backend = requireBackend(maybeBackend);
          const key = `${m}x${n}x${k}.${op}.${beta}`;
          const seed = m * 7919 + n * 104729 + k * 31 + (transA ? 2 : 0) + (transB ? 1 : 0) + beta * 5;
          const g = makeCase(transA, transB, m, n, k, beta, seed);
          const got = run(backend, g);
          expect(maxViolation(g, got, cachedReference(key, g))).toBeLessThanOrEqual(1);
          expectSentinelsIntact(g, got);
        });
      }
    }
  }
});

describe("determinism", () => {
  it("gives identical bits from every FMA kernel (AVX-512 and AVX2) for all shapes and transpositions", () => {
    const fmaBackends = nativeGemmBackends.filter((b) => b.name !== "native-scalar");
    expect(fmaBackends.length).toBeGreaterThan(0);
    // Plus n ≤ 16 (the default entry point's reroute) and k > 256 (several k blocks).
    const shapes: [number, number, number][] = [...SHAPES, [64, 10, 64], [33, 70, 1000]];
    for (const [m, n, k] of shapes) {
      for (const [transA, transB] of TRANSPOSES) {
        const g = makeCase(transA, transB, m, n, k, 1, m + n + k);
        const results = fmaBackends.map((b) => bits(run(b, g)));
        for (const r of results) expect(r.equals(results[0] as Buffer)).toBe(true);
      }
    }
  });

  it("returns identical bits for the same inputs twice", () => {
    const backend = requireBackend(nativeGemmBackend);
    for (const [transA, transB] of TRANSPOSES) {
      const g = makeCase(transA, transB, 65, 33, 300, 1, 99);
      expect(bits(run(backend, g)).equals(bits(run(backend, g)))).toBe(true);
    }
  });

  it("returns identical bits whatever the arrays' alignment (offset 0 vs odd offsets)", () => {
    const backend = requireBackend(nativeGemmBackend);
    const g = makeCase(false, true, 64, 128, 784, 0, 7);
    const shifted = run(backend, g).slice(g.cOffset, g.cOffset + g.m * g.n);
    const aligned: GemmCase = {
      ...g,
      A: g.A.slice(g.aOffset),
      aOffset: 0,
      B: g.B.slice(g.bOffset),
      bOffset: 0,
      C: new Float32Array(g.m * g.n),
      cOffset: 0,
    };
    const fromAligned = run(backend, aligned);
    expect(bits(fromAligned).equals(bits(shifted))).toBe(true);
  });
});

describe("edge cases and argument checks", () => {
  it("with k = 0 zeroes C when beta is 0 and leaves it when beta is 1", () => {
    const backend = requireBackend(nativeGemmBackend);
    const C = new Float32Array([1, 2, 3, 4, 5, 6]);
    backend.sgemm(false, false, 2, 3, 0, new Float32Array(0), 0, new Float32Array(0), 0, C, 0, 1);
    expect(Array.from(C)).toEqual([1, 2, 3, 4, 5, 6]);
    backend.sgemm(false, false, 2, 3, 0, new Float32Array(0), 0, new Float32Array(0), 0, C, 0, 0);
    expect(Array.from(C)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("throws a RangeError instead of reading past the end of A", () => {
    const backend = requireBackend(nativeGemmBackend);
    const run = () =>
      backend.sgemm(
        false,
        false,
        4,
        4,
        4,
        new Float32Array(16),
        1,
        new Float32Array(16),
        0,
        new Float32Array(16),
        0,
        0,
      );
    expect(run).toThrow(RangeError);
  });

  it("throws a TypeError for a Float64Array operand", () => {
    const backend = requireBackend(nativeGemmBackend);
    const wrong = new Float64Array(4) as unknown as Float32Array;
    const run = () =>
      backend.sgemm(false, false, 2, 2, 2, wrong, 0, new Float32Array(4), 0, new Float32Array(4), 0, 0);
    expect(run).toThrow(TypeError);
  });

  it("rejects a result that misses one product term (the tolerance is tight enough to catch bugs)", () => {
    const backend = requireBackend(nativeGemmBackend);
    const g = makeCase(false, false, 65, 33, 129, 0, 3);
    const got = run(backend, g);
    const ref = referenceGemm(g);
    expect(maxViolation(g, got, ref)).toBeLessThanOrEqual(1);
    // Drop the largest of the k products of element (40, 20): the check must notice.
    const products = Array.from({ length: g.k }, (_, p) => opA(g, 40, p) * opB(g, p, 20));
    const largest = products.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    const idx = g.cOffset + 40 * g.n + 20;
    got[idx] = (got[idx] ?? 0) - largest;
    expect(maxViolation(g, got, ref)).toBeGreaterThan(1);
  });
});
