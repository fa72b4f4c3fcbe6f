/** The slow, obvious GEMM in float64: the reference the native kernels are checked against in tests. */

export type GemmCase = {
  transA: boolean;
  transB: boolean;
  m: number;
  n: number;
  k: number;
  A: Float32Array;
  aOffset: number;
  B: Float32Array;
  bOffset: number;
  C: Float32Array;
  cOffset: number;
  beta: 0 | 1;
};

export const opA = (g: GemmCase, i: number, p: number): number =>
  g.A[g.aOffset + (g.transA ? p * g.m + i : i * g.k + p)] ?? Number.NaN;
export const opB = (g: GemmCase, p: number, j: number): number =>
  g.B[g.bOffset + (g.transB ? j * g.k + p : p * g.n + j)] ?? Number.NaN;

/**
 * Returns the exact-ish result (float64 accumulation of float32 inputs) and, per element, the scale
 * Σ|a·b| + beta·|c| that a float32 rounding-error bound is proportional to.
 */
export function referenceGemm(g: GemmCase): { value: Float64Array; scale: Float64Array } {
  const value = new Float64Array(g.m * g.n);
  const scale = new Float64Array(g.m * g.n);
  for (let i = 0; i < g.m; i++) {
    for (let j = 0; j < g.n; j++) {
      let sum = 0;
      let abs = 0;
      for (let p = 0; p < g.k; p++) {
        const prod = opA(g, i, p) * opB(g, p, j);
        sum += prod;
        abs += Math.abs(prod);
      }
      const old = g.beta === 1 ? (g.C[g.cOffset + i * g.n + j] ?? Number.NaN) : 0;
      value[i * g.n + j] = sum + old;
      scale[i * g.n + j] = abs + Math.abs(old);
    }
  }
  return { value, scale };
}
