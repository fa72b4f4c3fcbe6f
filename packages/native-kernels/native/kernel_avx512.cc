// AVX-512F 8×32 micro-kernel and its kernel set. Each element gets the same FMA chain over p as in the
// AVX2 kernel (one fused rounding per step, the same KC blocks), so both give identical bits; this one
// just does twice the work per instruction. Enabled per function (target attribute) after a CPU check.
#include "gemm.h"
#include "pack_avx2.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

namespace actlab {
namespace {
constexpr int kMR = 8;
constexpr int kNR = 32;
}  // namespace

#define ACTLAB_AVX512 __attribute__((target("avx512f,avx2,fma")))

ACTLAB_AVX512 static void microKernelAvx512(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc,
                                            bool accumulate, int rows, int cols) {
  __m512 acc[kMR][2];
  for (int i = 0; i < kMR; ++i) acc[i][0] = acc[i][1] = _mm512_setzero_ps();

  // Packed B panels are 64-byte aligned (the driver guarantees it).
#pragma GCC unroll 2
  for (int p = 0; p < kc; ++p) {
    const __m512 b0 = _mm512_load_ps(b);
    const __m512 b1 = _mm512_load_ps(b + 16);
#pragma GCC unroll 8
    for (int i = 0; i < kMR; ++i) {
      const __m512 ai = _mm512_set1_ps(a[i]);
      acc[i][0] = _mm512_fmadd_ps(ai, b0, acc[i][0]);
      acc[i][1] = _mm512_fmadd_ps(ai, b1, acc[i][1]);
    }
    a += kMR;
    b += kNR;
  }

  if (rows == kMR && cols == kNR) {
#pragma GCC unroll 8
    for (int i = 0; i < kMR; ++i) {
      float* ci = c + i * ldc;
      __m512 lo = acc[i][0], hi = acc[i][1];
      if (accumulate) {
        lo = _mm512_add_ps(_mm512_loadu_ps(ci), lo);
        hi = _mm512_add_ps(_mm512_loadu_ps(ci + 16), hi);
      }
      _mm512_storeu_ps(ci, lo);
      _mm512_storeu_ps(ci + 16, hi);
    }
    return;
  }
  // Edge tile: the same IEEE additions as above, element by element.
  alignas(64) float tile[kMR * kNR];
  for (int i = 0; i < kMR; ++i) {
    _mm512_store_ps(tile + i * kNR, acc[i][0]);
    _mm512_store_ps(tile + i * kNR + 16, acc[i][1]);
  }
  for (int i = 0; i < rows; ++i) {
    float* ci = c + i * ldc;
    const float* ti = tile + i * kNR;
    for (int j = 0; j < cols; ++j) ci[j] = accumulate ? ci[j] + ti[j] : ti[j];
  }
}

const GemmKernels kAvx512Kernels{"avx512", kMR, kNR, microKernelAvx512, kPackA8Avx2, kPackB32Avx2};

bool cpuHasAvx512() {
  __builtin_cpu_init();
  // libgcc also checks that the OS saves the zmm state (XCR0) before reporting avx512f.
  return __builtin_cpu_supports("avx512f") && cpuHasAvx2Fma();
}

}  // namespace actlab

#else  // not x86: never selected (cpuHasAvx512 is false); the scalar set stands in so the addon links.

namespace actlab {
const GemmKernels kAvx512Kernels = kScalarKernels;
bool cpuHasAvx512() { return false; }
}  // namespace actlab

#endif
