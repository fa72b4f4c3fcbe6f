/** Plugs the native AVX2/AVX-512 sgemm into the core when it built; otherwise the portable one stays. */
import { setGemmBackend } from "@actlab/core";
import { nativeGemmBackend, nativeKernelsStatus } from "@actlab/native-kernels";

export function selectFastestGemm(): string {
  if (nativeGemmBackend) {
    setGemmBackend(nativeGemmBackend);
    return nativeGemmBackend.name;
  }
  console.warn(
    `worker: native kernels unavailable (${nativeKernelsStatus()}); training with the portable sgemm`,
  );
  return "js";
}
