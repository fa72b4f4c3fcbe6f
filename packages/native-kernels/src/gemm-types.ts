/** The native backends' names; the GEMM contract itself is @actlab/core's. */
import type { DensePassKernels, GemmBackend, OptimizerKernels, Sgemm } from "@actlab/core";

export type { DensePassKernels, OptimizerKernels, Sgemm };

/**
 * native-avx512 and native-avx2 give bit-identical results (same FMA chain per element, same k blocks);
 * native-scalar (no FMA, for CPUs without AVX2) rounds differently. C must not overlap A or B.
 */
export type NativeGemmBackend = GemmBackend & {
  name: "native-avx512" | "native-avx2" | "native-scalar";
};
