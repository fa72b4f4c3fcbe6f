// Portable 6×16 micro-kernel and its kernel set, for CPUs without AVX2+FMA: plain multiply-then-add
// (fused multiply-add would be a slow library call there), so its bits differ from the FMA kernels'.
#include "gemm.h"
#include "pack_portable.h"

namespace actlab {

namespace {
constexpr int kMR = 6;
constexpr int kNR = 16;
}  // namespace

static void microKernelScalar(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, bool accumulate,
                       int rows, int cols) {
  float acc[kMR][kNR] = {};
  for (int p = 0; p < kc; ++p) {
    const float* bp = b + p * kNR;
    const float* ap = a + p * kMR;
    for (int i = 0; i < kMR; ++i) {
      const float ai = ap[i];
      for (int j = 0; j < kNR; ++j) acc[i][j] += ai * bp[j];
    }
  }
  for (int i = 0; i < rows; ++i) {
    float* ci = c + i * ldc;
    for (int j = 0; j < cols; ++j) ci[j] = accumulate ? ci[j] + acc[i][j] : acc[i][j];
  }
}

const GemmKernels kScalarKernels{"scalar", kMR, kNR, microKernelScalar, packAPortable<kMR>, packBPortable<kNR>};

}  // namespace actlab
