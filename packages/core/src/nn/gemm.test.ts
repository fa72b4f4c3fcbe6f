import { afterEach, describe, expect, it } from "vitest";
import { createRng } from "../rng";
import {
  BACKEND_MIN_MACS,
  gemmBackendName,
  jsSgemm,
  PORTABLE_LAYER_WIDTH,
  PORTABLE_ORDER_MIN_MACS,
  setGemmBackend,
  sgemm,
} from "./gemm";
import type { Sgemm } from "./gemm-types";

/** The obvious triple loop, in double precision: the reference the fast kernels are checked against. */
function referenceGemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
  beta: 0 | 1,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = beta === 1 ? (C[i * n + j] as number) : 0;
      for (let p = 0; p < k; p++) {
        const a = transA ? (A[p * m + i] as number) : (A[i * k + p] as number);
        const b = transB ? (B[j * k + p] as number) : (B[p * n + j] as number);
        s += a * b;
      }
      out[i * n + j] = s;
    }
  }
  return out;
}

const random = (n: number, seed: number): Float32Array => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
};

describe("jsSgemm", () => {
  const shapes = [
    [1, 1, 1],
    [3, 5, 7],
    [8, 4, 16],
    [13, 9, 6],
    [33, 17, 65],
    // Every edge tile: m % 4 and n % 4 of 2 and 3.
    [6, 6, 5],
    [7, 7, 3],
    [2, 2, 9],
    [10, 11, 4],
  ] as const;
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      for (const beta of [0, 1] as const) {
        it(`matches the triple loop for transA=${transA} transB=${transB} beta=${beta}`, () => {
          for (const [m, n, k] of shapes) {
            const A = random(m * k, m + 1);
            const B = random(k * n, n + 2);
            const C = random(m * n, k + 3);
            const want = referenceGemm(transA, transB, m, n, k, A, B, C, beta);
            jsSgemm(transA, transB, m, n, k, A, 0, B, 0, C, 0, beta);
            for (let i = 0; i < m * n; i++) {
              // Float32 storage of partial sums: relative error ~1e-7 per add, k adds.
              expect(Math.abs((C[i] as number) - (want[i] as number))).toBeLessThan(1e-5 * (k + 1) * 4);
            }
          }
        });
      }
    }
  }

  it("reads and writes at the given offsets and leaves the rest of C alone", () => {
    const [m, n, k] = [4, 5, 6];
    const A = random(m * k + 3, 1);
    const B = random(k * n + 2, 2);
    const C = new Float32Array(m * n + 7).fill(42);
    jsSgemm(false, true, m, n, k, A, 3, B, 2, C, 7, 0);
    const want = referenceGemm(false, true, m, n, k, A.subarray(3), B.subarray(2), C, 0);
    for (let i = 0; i < 7; i++) expect(C[i]).toBe(42);
    for (let i = 0; i < m * n; i++) expect(C[7 + i]).toBeCloseTo(want[i] as number, 4);
  });

  it("gives bit-identical results on repeated calls", () => {
    const A = random(40 * 30, 5);
    const B = random(30 * 20, 6);
    const C1 = new Float32Array(40 * 20);
    const C2 = new Float32Array(40 * 20);
    jsSgemm(false, false, 40, 20, 30, A, 0, B, 0, C1, 0, 0);
    jsSgemm(false, false, 40, 20, 30, A, 0, B, 0, C2, 0, 0);
    expect(C2).toEqual(C1);
  });
});

describe("sgemm backend switch", () => {
  afterEach(() => setGemmBackend(null));

  it("routes only products of at least BACKEND_MIN_MACS multiply-adds to the plugged backend", () => {
    const calls: number[] = [];
    setGemmBackend({
      name: "counting",
      sgemm: (...args) => {
        calls.push(args[2] * args[3] * args[4]);
        jsSgemm(...args);
      },
    });
    expect(gemmBackendName()).toBe("counting");
    const big = Math.ceil(Math.cbrt(BACKEND_MIN_MACS)) + 1;
    const A = random(big * big, 1);
    const C = new Float32Array(big * big);
    sgemm(false, false, 2, 2, 2, A, 0, A, 0, C, 0, 0);
    expect(calls).toEqual([]);
    sgemm(false, false, big, big, big, A, 0, A, 0, C, 0, 0);
    expect(calls).toEqual([big * big * big]);
  });

  it("keeps every product of a layer at most PORTABLE_LAYER_WIDTH wide on the portable kernel, however many rows", () => {
    const calls: string[] = [];
    setGemmBackend({
      name: "recording",
      sgemm: (...args) => {
        calls.push(`${args[2]}×${args[3]}×${args[4]}`);
        jsSgemm(...args);
      },
    });
    const w = PORTABLE_LAYER_WIDTH;
    const rows = 4096;
    const A = random(rows * 64, 2);
    const C = new Float32Array(rows * 64);
    // A w→w layer over 4,096 rows: forward, weight gradient, input gradient.
    sgemm(false, true, rows, w, w, A, 0, A, 0, C, 0, 1);
    sgemm(true, false, w, w, rows, A, 0, A, 0, C, 0, 0);
    sgemm(false, false, rows, w, w, A, 0, A, 0, C, 0, 0);
    expect(calls).toEqual([]);
    // One unit wider on one side (w → w+1) and its forward product goes to the backend again.
    sgemm(false, true, rows, w + 1, w, A, 0, A, 0, C, 0, 1);
    expect(calls).toEqual([`${rows}×${w + 1}×${w}`]);
  });

  it("sends the products the backend's sgemm may not take to its portable-order kernel, from PORTABLE_ORDER_MIN_MACS", () => {
    const calls: string[] = [];
    const record =
      (kind: string): Sgemm =>
      (...args) => {
        calls.push(`${kind} ${args[2]}×${args[3]}×${args[4]}`);
        jsSgemm(...args);
      };
    setGemmBackend({ name: "recording", sgemm: record("fma"), portableOrderSgemm: record("portable") });
    const w = PORTABLE_LAYER_WIDTH;
    const A = random(4096 * w, 3);
    const C = new Float32Array(4096 * w);
    sgemm(false, true, 4096, w, w, A, 0, A, 0, C, 0, 1);
    sgemm(false, true, 1, 1, PORTABLE_ORDER_MIN_MACS - 1, A, 0, A, 0, C, 0, 0);
    expect(calls).toEqual([`portable 4096×${w}×${w}`]);
  });

  it("falls back to the pure-TS kernel when the backend is removed", () => {
    setGemmBackend(null);
    expect(gemmBackendName()).toBe("js");
  });
});
