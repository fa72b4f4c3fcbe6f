/** @actlab/native-kernels: an optional native SIMD single-precision GEMM backend (null if not built). */
import type { NativeGemmBackend } from "./gemm-types";
import { type GemmAddon, loadGemmAddon } from "./load-addon";

export type { NativeGemmBackend, Sgemm } from "./gemm-types";

const load = loadGemmAddon();

/** Every kernel this CPU runs, fastest first; empty when the addon did not build or load. */
function availableBackends(addon: GemmAddon | null): NativeGemmBackend[] {
  if (!addon) return [];
  const backends: NativeGemmBackend[] = [];
  if (addon.sgemmAvx512) backends.push({ name: "native-avx512", sgemm: addon.sgemmAvx512 });
  if (addon.sgemmAvx2) backends.push({ name: "native-avx2", sgemm: addon.sgemmAvx2 });
  backends.push({ name: "native-scalar", sgemm: addon.sgemmScalar });
  return backends;
}

/** All kernels this CPU runs, fastest first: for tests of every path and for comparisons. */
export const nativeGemmBackends: readonly NativeGemmBackend[] = availableBackends(load.addon);

/** The fastest kernel this CPU runs, or null when the addon did not build or load (see nativeKernelsStatus). */
export const nativeGemmBackend: NativeGemmBackend | null = load.addon
  ? { name: `native-${load.addon.kernel}`, sgemm: load.addon.sgemm }
  : null;

/** One line saying which kernel is in use, or why the native backend is null. */
export function nativeKernelsStatus(): string {
  return load.status;
}
