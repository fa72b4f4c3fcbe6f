// Portable 6×16 micro-kernel and its kernel set, for CPUs without AVX2+FMA: plain multiply-then-add
// (fused multiply-add would be a slow library call there), so its bits differ from the FMA kernels'.
#include "gemm.h"
#include "pack_portable.h"

namespace actlab {

namespace {
constexpr int kMR = 6;
constexpr int kNR = 16;
}  // namespace

static void microKernelScalar(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc,
                              bool accumulate, int rows, int cols) {
  // One row at a time: 16 accumulators fit SSE2's registers (all 6×16 would spill to memory every step).
  // Each element is still summed over p in increasing order, so the row order changes no bits.
  for (int i = 0; i < rows; ++i) {
    float acc[kNR] = {};
    for (int p = 0; p < kc; ++p) {
      const float ai = a[p * kMR + i];
      const float* bp = b + p * kNR;
      for (int j = 0; j < kNR; ++j) acc[j] += ai * bp[j];
    }
    float* ci = c + i * ldc;
    for (int j = 0; j < cols; ++j) ci[j] = accumulate ? ci[j] + acc[j] : acc[j];
  }
}

const GemmKernels kScalarKernels{"scalar", kMR, kNR, microKernelScalar, packAPortable<kMR>, packBPortable<kNR>};

}  // namespace actlab
