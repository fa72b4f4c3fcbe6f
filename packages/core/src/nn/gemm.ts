/**
 * Portable row-major sgemm in plain TypeScript, and the switch that routes the dense layers' products
 * to a faster backend (native, wasm) for products large enough to repay the call overhead; those of
 * narrow layers go only to a backend kernel that sums in the portable order, so the browser (portable
 * kernel only) gets the worker's bits.
 */
import { setBatchMath } from "../math/batch-math";
import type { DensePassKernels, GemmBackend, OptimizerKernels, Sgemm } from "./gemm-types";

/**
 * C = op(A)·op(B) (+ C) with op(A)[i][p] = A[aOff + i·ars + p·acs] and op(B)[p][j] = B[bOff + p·brs + j·bcs],
 * which covers all four transpose cases. 4×4 tiles of C are summed in sixteen double-precision registers
 * (8 loads per 16 multiply-adds) and rounded to float32 once on store; edge rows and columns use
 * 4×2, 4×1, 2×4, 2×1, 1×4 and 1×1 tiles. Every C element is one dot product in p order, so the result is deterministic.
 */
function gemmTiled(
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOff: number,
  ars: number,
  acs: number,
  B: Float32Array,
  bOff: number,
  brs: number,
  bcs: number,
  C: Float32Array,
  cOff: number,
  beta: 0 | 1,
): void {
  const m4 = m - (m & 3);
  const n4 = n - (n & 3);
  for (let i = 0; i < m4; i += 4) {
    const a0 = aOff + i * ars;
    const a1 = a0 + ars;
    const a2 = a1 + ars;
    const a3 = a2 + ars;
    const c0 = cOff + i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = bOff + j * bcs;
      const b1 = b0 + bcs;
      const b2 = b1 + bcs;
      const b3 = b2 + bcs;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      for (let p = 0, pa = 0, pb = 0; p < k; p++, pa += acs, pb += brs) {
        const x0 = A[a0 + pa] as number;
        const x1 = A[a1 + pa] as number;
        const x2 = A[a2 + pa] as number;
        const x3 = A[a3 + pa] as number;
        const y0 = B[b0 + pb] as number;
        const y1 = B[b1 + pb] as number;
        const y2 = B[b2 + pb] as number;
        const y3 = B[b3 + pb] as number;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s22 += x2 * y2;
        s23 += x2 * y3;
        s30 += x3 * y0;
        s31 += x3 * y1;
        s32 += x3 * y2;
        s33 += x3 * y3;
      }
      if (beta === 1) {
        s00 += C[c0 + j] as number;
        s01 += C[c0 + j + 1] as number;
        s02 += C[c0 + j + 2] as number;
        s03 += C[c0 + j + 3] as number;
        s10 += C[c1 + j] as number;
        s11 += C[c1 + j + 1] as number;
        s12 += C[c1 + j + 2] as number;
        s13 += C[c1 + j + 3] as number;
        s20 += C[c2 + j] as number;
        s21 += C[c2 + j + 1] as number;
        s22 += C[c2 + j + 2] as number;
        s23 += C[c2 + j + 3] as number;
        s30 += C[c3 + j] as number;
        s31 += C[c3 + j + 1] as number;
        s32 += C[c3 + j + 2] as number;
        s33 += C[c3 + j + 3] as number;
      }
      C[c0 + j] = s00;
      C[c0 + j + 1] = s01;
      C[c0 + j + 2] = s02;
      C[c0 + j + 3] = s03;
      C[c1 + j] = s10;
      C[c1 + j + 1] = s11;
      C[c1 + j + 2] = s12;
      C[c1 + j + 3] = s13;
      C[c2 + j] = s20;
      C[c2 + j + 1] = s21;
      C[c2 + j + 2] = s22;
      C[c2 + j + 3] = s23;
      C[c3 + j] = s30;
      C[c3 + j + 1] = s31;
      C[c3 + j + 2] = s32;
      C[c3 + j + 3] = s33;
    }
    // Two columns left (binary outputs are common here): a 4×2 tile still reuses each load.
    if (n - j >= 2) {
      const b0 = bOff + j * bcs;
      const b1 = b0 + bcs;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0,
        s20 = 0,
        s21 = 0,
        s30 = 0,
        s31 = 0;
      for (let p = 0, pa = 0, pb = 0; p < k; p++, pa += acs, pb += brs) {
        const y0 = B[b0 + pb] as number;
        const y1 = B[b1 + pb] as number;
        const x0 = A[a0 + pa] as number;
        const x1 = A[a1 + pa] as number;
        const x2 = A[a2 + pa] as number;
        const x3 = A[a3 + pa] as number;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s30 += x3 * y0;
        s31 += x3 * y1;
      }
      if (beta === 1) {
        s00 += C[c0 + j] as number;
        s01 += C[c0 + j + 1] as number;
        s10 += C[c1 + j] as number;
        s11 += C[c1 + j + 1] as number;
        s20 += C[c2 + j] as number;
        s21 += C[c2 + j + 1] as number;
        s30 += C[c3 + j] as number;
        s31 += C[c3 + j + 1] as number;
      }
      C[c0 + j] = s00;
      C[c0 + j + 1] = s01;
      C[c1 + j] = s10;
      C[c1 + j + 1] = s11;
      C[c2 + j] = s20;
      C[c2 + j + 1] = s21;
      C[c3 + j] = s30;
      C[c3 + j + 1] = s31;
      j += 2;
    }
    for (; j < n; j++) {
      const b0 = bOff + j * bcs;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let p = 0, pa = 0, pb = 0; p < k; p++, pa += acs, pb += brs) {
        const y = B[b0 + pb] as number;
        s0 += (A[a0 + pa] as number) * y;
        s1 += (A[a1 + pa] as number) * y;
        s2 += (A[a2 + pa] as number) * y;
        s3 += (A[a3 + pa] as number) * y;
      }
      if (beta === 1) {
        s0 += C[c0 + j] as number;
        s1 += C[c1 + j] as number;
        s2 += C[c2 + j] as number;
        s3 += C[c3 + j] as number;
      }
      C[c0 + j] = s0;
      C[c1 + j] = s1;
      C[c2 + j] = s2;
      C[c3 + j] = s3;
    }
  }
  // Two rows left (e.g. the weight gradient of a 2-unit output layer): 2×4 tiles, then 2×1.
  let i = m4;
  if (m - i >= 2) {
    const a0 = aOff + i * ars;
    const a1 = a0 + ars;
    const c0 = cOff + i * n;
    const c1 = c0 + n;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = bOff + j * bcs;
      const b1 = b0 + bcs;
      const b2 = b1 + bcs;
      const b3 = b2 + bcs;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      for (let p = 0, pa = 0, pb = 0; p < k; p++, pa += acs, pb += brs) {
        const x0 = A[a0 + pa] as number;
        const x1 = A[a1 + pa] as number;
        const y0 = B[b0 + pb] as number;
        const y1 = B[b1 + pb] as number;
        const y2 = B[b2 + pb] as number;
        const y3 = B[b3 + pb] as number;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      if (beta === 1) {
        s00 += C[c0 + j] as number;
        s01 += C[c0 + j + 1] as number;
        s02 += C[c0 + j + 2] as number;
        s03 += C[c0 + j + 3] as number;
        s10 += C[c1 + j] as number;
        s11 += C[c1 + j + 1] as number;
        s12 += C[c1 + j + 2] as number;
        s13 += C[c1 + j + 3] as number;
      }
      C[c0 + j] = s00;
      C[c0 + j + 1] = s01;
      C[c0 + j + 2] = s02;
      C[c0 + j + 3] = s03;
      C[c1 + j] = s10;
      C[c1 + j + 1] = s11;
      C[c1 + j + 2] = s12;
      C[c1 + j + 3] = s13;
    }
    for (; j < n; j++) {
      const b0 = bOff + j * bcs;
      let s0 = 0,
        s1 = 0;
      for (let p = 0, pa = 0, pb = 0; p < k; p++, pa += acs, pb += brs) {
        const y = B[b0 + pb] as number;
        s0 += (A[a0 + pa] as number) * y;
        s1 += (A[a1 + pa] as number) * y;
      }
      C[c0 + j] = beta === 1 ? s0 + (C[c0 + j] as number) : s0;
      C[c1 + j] = beta === 1 ? s1 + (C[c1 + j] as number) : s1;
    }
    i += 2;
  }
  for (; i < m; i++) {
    const a0 = aOff + i * ars;
    const c0 = cOff + i * n;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = bOff + j * bcs;
      const b1 = b0 + bcs;
      const b2 = b1 + bcs;
      const b3 = b2 + bcs;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let p = 0, pa = 0, pb = 0; p < k; p++, pa += acs, pb += brs) {
        const x = A[a0 + pa] as number;
        s0 += x * (B[b0 + pb] as number);
        s1 += x * (B[b1 + pb] as number);
        s2 += x * (B[b2 + pb] as number);
        s3 += x * (B[b3 + pb] as number);
      }
      if (beta === 1) {
        s0 += C[c0 + j] as number;
        s1 += C[c0 + j + 1] as number;
        s2 += C[c0 + j + 2] as number;
        s3 += C[c0 + j + 3] as number;
      }
      C[c0 + j] = s0;
      C[c0 + j + 1] = s1;
      C[c0 + j + 2] = s2;
      C[c0 + j + 3] = s3;
    }
    for (; j < n; j++) {
      const b0 = bOff + j * bcs;
      let s = 0;
      for (let p = 0, pa = 0, pb = 0; p < k; p++, pa += acs, pb += brs)
        s += (A[a0 + pa] as number) * (B[b0 + pb] as number);
      C[c0 + j] = beta === 1 ? s + (C[c0 + j] as number) : s;
    }
  }
}

/** The pure-TS sgemm (contract in gemm-types.ts). */
export const jsSgemm: Sgemm = (transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, beta) => {
  gemmTiled(
    m,
    n,
    k,
    A,
    aOff,
    transA ? 1 : k,
    transA ? m : 1,
    B,
    bOff,
    transB ? 1 : n,
    transB ? k : 1,
    C,
    cOff,
    beta,
  );
};

export const jsGemmBackend: GemmBackend = { name: "js", sgemm: jsSgemm };

/**
 * Below this many multiply-adds the pure-TS kernel wins (a native call costs more than the work).
 * The choice depends on (m, n, k) only, so a run's results never depend on timing.
 */
export const BACKEND_MIN_MACS = 16_384;

/**
 * A layer at most this many units wide on both sides is always multiplied by the pure-TS kernel, whatever
 * backend is plugged: the browser's playground trains such networks with that kernel only, and a native
 * kernel sums in another order (float32 FMA chains, not one double per element), so without this the
 * same config and seed would give the worker other bits. Each of the layer's three products (forward,
 * weight gradient, input gradient) has its fan-in and fan-out among (m, n, k); the third size is rows.
 */
export const PORTABLE_LAYER_WIDTH = 16;

/**
 * Below this many multiply-adds a product the backend's sgemm does not take stays in TypeScript even when
 * the backend sums in the portable order (same bits either way): measured on a 2-core AVX2 machine, the
 * native call repays its overhead from about 2k multiply-adds (a 32-row batch through a 16×16 layer is 8k).
 */
export const PORTABLE_ORDER_MIN_MACS = 2048;

/** Whether a product is a narrow layer's (two of its three sizes at most PORTABLE_LAYER_WIDTH). */
function isNarrow(m: number, n: number, k: number): boolean {
  let narrow = 0;
  if (m <= PORTABLE_LAYER_WIDTH) narrow++;
  if (n <= PORTABLE_LAYER_WIDTH) narrow++;
  if (k <= PORTABLE_LAYER_WIDTH) narrow++;
  return narrow >= 2;
}

/** Whether a product goes to the plugged backend's sgemm; from (m, n, k) only, so never from timing. */
export function routesToBackend(m: number, n: number, k: number): boolean {
  return m * n * k >= BACKEND_MIN_MACS && !isNarrow(m, n, k);
}

let backend: GemmBackend | null = null;

/** Plug in a faster sgemm for large products, or null to use the pure-TS kernel everywhere. */
export function setGemmBackend(b: GemmBackend | null): void {
  backend = b;
  setBatchMath(b?.densePasses ?? null);
}

export function gemmBackendName(): string {
  return backend ? backend.name : "js";
}

/** The plugged backend's optimiser updates, or null for the portable loops. */
export function pluggedOptimizerKernels(): OptimizerKernels | null {
  return backend?.optimizer ?? null;
}

/** The plugged backend's dense-layer passes, or null for the portable loops. */
export function pluggedDensePasses(): DensePassKernels | null {
  return backend?.densePasses ?? null;
}

/**
 * The sgemm every dense layer calls: the plugged backend where routesToBackend; otherwise the portable
 * sums, natively when the backend has that kernel and the product is worth a call, else in TypeScript.
 */
export const sgemm: Sgemm = (transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, beta) => {
  if (backend !== null && routesToBackend(m, n, k)) {
    backend.sgemm(transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, beta);
    return;
  }
  const portableOrder = backend?.portableOrderSgemm;
  if (portableOrder && m * n * k >= PORTABLE_ORDER_MIN_MACS) {
    portableOrder(transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, beta);
    return;
  }
  gemmTiled(
    m,
    n,
    k,
    A,
    aOff,
    transA ? 1 : k,
    transA ? m : 1,
    B,
    bOff,
    transB ? 1 : n,
    transB ? k : 1,
    C,
    cOff,
    beta,
  );
};
