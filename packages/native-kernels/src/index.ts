/** @actlab/native-kernels: an optional native AVX2+FMA single-precision GEMM backend (null if not built). */
import type { NativeGemmBackend } from "./gemm-types";
import { loadGemmAddon } from "./load-addon";

export type { NativeGemmBackend, Sgemm } from "./gemm-types";

const load = loadGemmAddon();

/** The fastest kernel this CPU runs, or null when the addon did not build or load (see nativeKernelsStatus). */
export const nativeGemmBackend: NativeGemmBackend | null = load.addon
  ? { name: load.addon.kernel === "avx2" ? "native-avx2" : "native-scalar", sgemm: load.addon.sgemm }
  : null;

/** The portable kernel even on an AVX2 CPU: for tests of the fallback and for comparisons. */
export const nativeScalarGemmBackend: NativeGemmBackend | null = load.addon
  ? { name: "native-scalar", sgemm: load.addon.sgemmScalar }
  : null;

/** One line saying which kernel is in use, or why the native backend is null. */
export function nativeKernelsStatus(): string {
  return load.status;
}
