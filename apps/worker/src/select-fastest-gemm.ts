/** Plugs the native AVX2/AVX-512 sgemm into the core when it built; otherwise the portable one stays. */
import { setGemmBackend } from "@actlab/core";
import { type NativeGemmBackend, nativeGemmBackend, nativeKernelsStatus } from "@actlab/native-kernels";

/** The native backend now plugged in (its thread count is the caller's to set), or null for the portable sgemm. */
export function selectFastestGemm(): NativeGemmBackend | null {
  if (nativeGemmBackend) {
    setGemmBackend(nativeGemmBackend);
    return nativeGemmBackend;
  }
  console.warn(
    `worker: native kernels unavailable (${nativeKernelsStatus()}); training with the portable sgemm`,
  );
  return null;
}
