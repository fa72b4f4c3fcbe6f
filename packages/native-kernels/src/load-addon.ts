/** Loads the node-gyp-built GEMM addon if the install-time build succeeded, and says why not otherwise. */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { DensePassKernels, OptimizerKernels, Sgemm } from "./gemm-types";

/** What build/Release/actlab_gemm.node exports (see native/addon.cc). */
export type GemmAddon = {
  /** The kernel set `sgemm` runs, chosen once from the CPU's features. */
  kernel: "avx512" | "avx2" | "scalar";
  sgemm: Sgemm;
  /** The portable kernel regardless of the CPU, so the fallback can be tested on an AVX2 machine. */
  sgemmScalar: Sgemm;
  /** Present only when this CPU runs them. */
  sgemmAvx2?: Sgemm;
  sgemmAvx512?: Sgemm;
  /** The portable TypeScript sgemm's sums, bit for bit (core's gemm.ts). */
  sgemmPortableOrder: Sgemm;
  /** Sizes the one thread pool all sets share (the caller included); throws a RangeError outside 1..256. */
  setThreads(n: number): void;
  threads(): number;
  /** As DensePassKernels' expScaled; `kernel` runs one path by name, for the tests (RangeError if absent). */
  expScaled(z: Float32Array, scale: number, out: Float64Array, n: number, kernel?: ExpKernelName): void;
  /** As DensePassKernels' tanhInPlace; `kernel` as expScaled's ("avx2" has no tanh path of its own). */
  tanhInPlace(v: Float64Array, n: number, kernel?: "scalar" | "avx512"): void;
  expInPlace(v: Float64Array, n: number, kernel?: ExpKernelName): void;
  log1pInPlace(v: Float64Array, n: number, kernel?: "scalar" | "avx512"): void;
  expm1InPlace(v: Float64Array, n: number, kernel?: "scalar" | "avx512"): void;
} & OptimizerKernels &
  DensePassKernels;

export type ExpKernelName = "scalar" | "avx2" | "avx512";

export type AddonLoad = { addon: GemmAddon; status: string } | { addon: null; status: string };

const require = createRequire(import.meta.url);
const addonPath = fileURLToPath(new URL("../build/Release/actlab_gemm.node", import.meta.url));
const rebuildHint =
  'run "pnpm --filter @actlab/native-kernels build:native" (needs g++, make, python3 and Node headers)';

function isGemmAddon(value: unknown): value is GemmAddon {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.kernel === "avx512" || v.kernel === "avx2" || v.kernel === "scalar") &&
    typeof v.sgemm === "function" &&
    typeof v.sgemmScalar === "function" &&
    typeof v.sgemmPortableOrder === "function" &&
    typeof v.sgdStep === "function" &&
    typeof v.adamStep === "function" &&
    typeof v.reluForward === "function" &&
    typeof v.reluBackwardBiasGrad === "function" &&
    typeof v.columnSums === "function" &&
    typeof v.gatherRows === "function" &&
    typeof v.leakyReluForward === "function" &&
    typeof v.leakyReluBackwardBiasGrad === "function" &&
    typeof v.setThreads === "function" &&
    typeof v.threads === "function" &&
    typeof v.preluBackwardBiasGrad === "function" &&
    typeof v.expScaled === "function" &&
    typeof v.expScaledAbs === "function" &&
    typeof v.tanhInPlace === "function" &&
    typeof v.expInPlace === "function" &&
    typeof v.log1pInPlace === "function" &&
    typeof v.expm1InPlace === "function"
  );
}

export function loadGemmAddon(): AddonLoad {
  const path = addonPath;
  if (!existsSync(path)) {
    return {
      addon: null,
      status: `native GEMM not built: ${path} is missing (install-time build failed); ${rebuildHint}`,
    };
  }
  try {
    const loaded: unknown = require(path);
    if (!isGemmAddon(loaded)) {
      return { addon: null, status: `native GEMM at ${path} has unexpected exports; ${rebuildHint}` };
    }
    return { addon: loaded, status: `native GEMM loaded from ${path} (kernel: ${loaded.kernel})` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { addon: null, status: `native GEMM at ${path} failed to load: ${reason}; ${rebuildHint}` };
  }
}
