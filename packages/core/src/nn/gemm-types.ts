/** The matrix-multiply contract the dense layers call; a faster backend (native, wasm) may be plugged in. */

/**
 * Row-major single-precision GEMM: C = op(A) · op(B) + beta · C, with op(X) = X or Xᵀ.
 * op(A) is m×k, op(B) is k×n, C is m×n. Offsets let callers address sub-arrays without views.
 * Implementations must be deterministic: a fixed summation order for given (m, n, k).
 */
export type Sgemm = (
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOffset: number,
  B: Float32Array,
  bOffset: number,
  C: Float32Array,
  cOffset: number,
  beta: 0 | 1,
) => void;

export type GemmBackend = {
  name: string;
  sgemm: Sgemm;
};
