/** @actlab/native-kernels: an optional native SIMD single-precision GEMM backend (null if not built). */
import type { NativeGemmBackend, Sgemm } from "./gemm-types";
import { type GemmAddon, loadGemmAddon } from "./load-addon";

export type { NativeGemmBackend, Sgemm } from "./gemm-types";

const load = loadGemmAddon();

/** A backend around one sgemm, with the kernels every set shares (portable-order sums, optimiser steps, dense passes). */
function backendWith(addon: GemmAddon, name: NativeGemmBackend["name"], sgemm: Sgemm): NativeGemmBackend {
  return {
    name,
    sgemm,
    setThreads: addon.setThreads,
    threads: addon.threads,
    portableOrderSgemm: addon.sgemmPortableOrder,
    optimizer: { sgdStep: addon.sgdStep, adamStep: addon.adamStep },
    densePasses: {
      reluForward: addon.reluForward,
      reluBackwardBiasGrad: addon.reluBackwardBiasGrad,
      columnSums: addon.columnSums,
      gatherRows: addon.gatherRows,
      leakyReluForward: addon.leakyReluForward,
      leakyReluBackwardBiasGrad: addon.leakyReluBackwardBiasGrad,
      preluBackwardBiasGrad: addon.preluBackwardBiasGrad,
      expScaled: addon.expScaled,
      expScaledAbs: addon.expScaledAbs,
      tanhInPlace: addon.tanhInPlace,
      expInPlace: addon.expInPlace,
      log1pInPlace: addon.log1pInPlace,
      expm1InPlace: addon.expm1InPlace,
    },
  };
}

/** Every kernel this CPU runs, fastest first; empty when the addon did not build or load. */
function availableBackends(addon: GemmAddon | null): NativeGemmBackend[] {
  if (!addon) return [];
  const backends: NativeGemmBackend[] = [];
  if (addon.sgemmAvx512) backends.push(backendWith(addon, "native-avx512", addon.sgemmAvx512));
  if (addon.sgemmAvx2) backends.push(backendWith(addon, "native-avx2", addon.sgemmAvx2));
  backends.push(backendWith(addon, "native-scalar", addon.sgemmScalar));
  return backends;
}

/** All kernels this CPU runs, fastest first: for tests of every path and for comparisons. */
export const nativeGemmBackends: readonly NativeGemmBackend[] = availableBackends(load.addon);

/** The fastest kernel this CPU runs, or null when the addon did not build or load (see nativeKernelsStatus). */
export const nativeGemmBackend: NativeGemmBackend | null = load.addon
  ? backendWith(load.addon, `native-${load.addon.kernel}` as const, load.addon.sgemm)
  : null;

/** One line saying which kernel and how many threads are in use, or why the native backend is null. */
export function nativeKernelsStatus(): string {
  return load.addon ? `${load.status}, ${load.addon.threads()} thread(s)` : load.status;
}
