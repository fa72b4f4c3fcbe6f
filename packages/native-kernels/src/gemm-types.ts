/** A structural copy of @actlab/core's GEMM contract (core devDepends on this package, so no import back). */

/**
 * Row-major single-precision GEMM: C = op(A) · op(B) + beta · C, with op(X) = X or Xᵀ.
 * op(A) is m×k, op(B) is k×n, C is m×n. Offsets let callers address sub-arrays without views.
 * Deterministic: a fixed summation order for given (m, n, k). C must not overlap A or B.
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

/**
 * native-avx512 and native-avx2 give bit-identical results (same FMA chain per element, same k blocks);
 * native-scalar (no FMA, for CPUs without AVX2) rounds differently.
 */
export type NativeGemmBackend = {
  name: "native-avx512" | "native-avx2" | "native-scalar";
  sgemm: Sgemm;
};
