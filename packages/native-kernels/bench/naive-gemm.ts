/** The naive i-k-j JS GEMM the benchmark reports as its baseline (what a plain TypeScript trainer would do). */
import type { Sgemm } from "../src/gemm-types";

export const naiveSgemm: Sgemm = (transA, transB, m, n, k, A, aOffset, B, bOffset, C, cOffset, beta) => {
  // Strides of op(A) and op(B) in their stored arrays, so one loop serves all four transpose cases.
  const aRow = transA ? 1 : k;
  const aCol = transA ? m : 1;
  const bRow = transB ? 1 : n;
  const bCol = transB ? k : 1;
  if (beta === 0) C.fill(0, cOffset, cOffset + m * n);
  for (let i = 0; i < m; i++) {
    const cRow = cOffset + i * n;
    for (let p = 0; p < k; p++) {
      const a = A[aOffset + i * aRow + p * aCol] as number;
      const bBase = bOffset + p * bRow;
      for (let j = 0; j < n; j++) C[cRow + j] = (C[cRow + j] as number) + a * (B[bBase + j * bCol] as number);
    }
  }
};
