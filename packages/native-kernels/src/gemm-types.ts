/** The native backends' names; the GEMM contract itself is @actlab/core's. */
import type { DensePassKernels, GemmBackend, OptimizerKernels, Sgemm } from "@actlab/core";

export type { DensePassKernels, OptimizerKernels, Sgemm };

/**
 * native-avx512 and native-avx2 give bit-identical results (same FMA chain per element, same k blocks);
 * native-scalar (no FMA, for CPUs without AVX2) rounds differently. C must not overlap A or B.
 */
export type NativeGemmBackend = GemmBackend & {
  name: "native-avx512" | "native-avx2" | "native-scalar";
  /**
   * How many threads (the caller included) split large products (bands of C, never k) and optimiser
   * steps: the bits are the same for any count. One pool shared by every backend of this process;
   * throws a RangeError unless n is an integer from 1 to 256.
   */
  setThreads(n: number): void;
  threads(): number;
};
