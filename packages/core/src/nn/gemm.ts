/**
 * Portable row-major sgemm in plain TypeScript, and the switch that routes the dense layers' products
 * to a faster backend (native, wasm) for products large enough to repay the call overhead.
 */
import type { GemmBackend, Sgemm } from "./gemm-types";

/**
 * C = op(A)·B (+ C): i-k-j order, 4 k-steps per pass over a row of C so each C element is loaded and
 * stored once per 4 products. A is addressed by strides, which covers both A and Aᵀ.
 */
function gemmAxpy(
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOff: number,
  aRow: number,
  aCol: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  beta: 0 | 1,
): void {
  const k4 = k - (k % 4);
  for (let i = 0; i < m; i++) {
    const c0 = cOff + i * n;
    const ai = aOff + i * aRow;
    if (beta === 0) C.fill(0, c0, c0 + n);
    let p = 0;
    for (; p < k4; p += 4) {
      const x0 = A[ai + p * aCol] as number;
      const x1 = A[ai + (p + 1) * aCol] as number;
      const x2 = A[ai + (p + 2) * aCol] as number;
      const x3 = A[ai + (p + 3) * aCol] as number;
      const b0 = bOff + p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        C[c0 + j] =
          (C[c0 + j] as number) +
          x0 * (B[b0 + j] as number) +
          x1 * (B[b1 + j] as number) +
          x2 * (B[b2 + j] as number) +
          x3 * (B[b3 + j] as number);
      }
    }
    for (; p < k; p++) {
      const x = A[ai + p * aCol] as number;
      const b0 = bOff + p * n;
      for (let j = 0; j < n; j++) C[c0 + j] = (C[c0 + j] as number) + x * (B[b0 + j] as number);
    }
  }
}

/**
 * C = op(A)·Bᵀ (+ C) as dot products (B rows are contiguous), four columns of C per pass so each A
 * element is loaded once per four products. Sums run in double precision and round once on store.
 */
function gemmDot(
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOff: number,
  aRow: number,
  aCol: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  beta: 0 | 1,
): void {
  const n4 = n - (n % 4);
  for (let i = 0; i < m; i++) {
    const ai = aOff + i * aRow;
    const c0 = cOff + i * n;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = bOff + j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const x = A[ai + p * aCol] as number;
        s0 += x * (B[b0 + p] as number);
        s1 += x * (B[b1 + p] as number);
        s2 += x * (B[b2 + p] as number);
        s3 += x * (B[b3 + p] as number);
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
      const b0 = bOff + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += (A[ai + p * aCol] as number) * (B[b0 + p] as number);
      C[c0 + j] = beta === 1 ? s + (C[c0 + j] as number) : s;
    }
  }
}

/** The pure-TS sgemm (contract in gemm-types.ts); a fixed summation order for given (m, n, k). */
export const jsSgemm: Sgemm = (transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, beta) => {
  // op(A)[i][p] sits at i*k + p, or at p*m + i when A is stored transposed.
  const aRow = transA ? 1 : k;
  const aCol = transA ? m : 1;
  if (transB) gemmDot(m, n, k, A, aOff, aRow, aCol, B, bOff, C, cOff, beta);
  else gemmAxpy(m, n, k, A, aOff, aRow, aCol, B, bOff, C, cOff, beta);
};

export const jsGemmBackend: GemmBackend = { name: "js", sgemm: jsSgemm };

/**
 * Below this many multiply-adds the pure-TS kernel wins (a native call costs more than the work).
 * The choice depends on (m, n, k) only, so a run's results never depend on timing.
 */
export const BACKEND_MIN_MACS = 16_384;

let backend: GemmBackend | null = null;

/** Plug in a faster sgemm for large products, or null to use the pure-TS kernel everywhere. */
export function setGemmBackend(b: GemmBackend | null): void {
  backend = b;
}

export function gemmBackendName(): string {
  return backend ? backend.name : "js";
}

/** The sgemm every dense layer calls: the plugged backend for large products, else the pure-TS one. */
export const sgemm: Sgemm = (transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, beta) => {
  if (backend !== null && m * n * k >= BACKEND_MIN_MACS) {
    backend.sgemm(transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, beta);
  } else if (transB) {
    gemmDot(m, n, k, A, aOff, transA ? 1 : k, transA ? m : 1, B, bOff, C, cOff, beta);
  } else {
    gemmAxpy(m, n, k, A, aOff, transA ? 1 : k, transA ? m : 1, B, bOff, C, cOff, beta);
  }
};
