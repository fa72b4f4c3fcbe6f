// AVX2+FMA 6×16 micro-kernel and its kernel set. Compiled with a function-level target attribute (not
// -mavx2) so the rest of the addon stays baseline x86-64 and this runs only after a CPU check.
#include "gemm.h"
#include "pack_avx2.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

namespace actlab {
namespace {
constexpr int kMR = 6;
constexpr int kNR = 16;
}  // namespace

#define ACTLAB_AVX2 __attribute__((target("avx2,fma")))

ACTLAB_AVX2 static inline void writeRow(float* c, __m256 lo, __m256 hi, bool accumulate) {
  if (accumulate) {
    lo = _mm256_add_ps(_mm256_loadu_ps(c), lo);
    hi = _mm256_add_ps(_mm256_loadu_ps(c + 8), hi);
  }
  _mm256_storeu_ps(c, lo);
  _mm256_storeu_ps(c + 8, hi);
}

ACTLAB_AVX2 static void microKernelAvx2(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc,
                                        bool accumulate, int rows, int cols) {
  __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
  __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
  __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
  __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
  __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
  __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();

  // Packed panels are 32-byte aligned (the driver guarantees it), so aligned loads are safe.
#pragma GCC unroll 4
  for (int p = 0; p < kc; ++p) {
    const __m256 b0 = _mm256_load_ps(b);
    const __m256 b1 = _mm256_load_ps(b + 8);
    __m256 ai = _mm256_broadcast_ss(a + 0);
    c00 = _mm256_fmadd_ps(ai, b0, c00);
    c01 = _mm256_fmadd_ps(ai, b1, c01);
    ai = _mm256_broadcast_ss(a + 1);
    c10 = _mm256_fmadd_ps(ai, b0, c10);
    c11 = _mm256_fmadd_ps(ai, b1, c11);
    ai = _mm256_broadcast_ss(a + 2);
    c20 = _mm256_fmadd_ps(ai, b0, c20);
    c21 = _mm256_fmadd_ps(ai, b1, c21);
    ai = _mm256_broadcast_ss(a + 3);
    c30 = _mm256_fmadd_ps(ai, b0, c30);
    c31 = _mm256_fmadd_ps(ai, b1, c31);
    ai = _mm256_broadcast_ss(a + 4);
    c40 = _mm256_fmadd_ps(ai, b0, c40);
    c41 = _mm256_fmadd_ps(ai, b1, c41);
    ai = _mm256_broadcast_ss(a + 5);
    c50 = _mm256_fmadd_ps(ai, b0, c50);
    c51 = _mm256_fmadd_ps(ai, b1, c51);
    a += kMR;
    b += kNR;
  }

  if (rows == kMR && cols == kNR) {
    writeRow(c + 0 * ldc, c00, c01, accumulate);
    writeRow(c + 1 * ldc, c10, c11, accumulate);
    writeRow(c + 2 * ldc, c20, c21, accumulate);
    writeRow(c + 3 * ldc, c30, c31, accumulate);
    writeRow(c + 4 * ldc, c40, c41, accumulate);
    writeRow(c + 5 * ldc, c50, c51, accumulate);
    return;
  }
  // Edge tile: spill to a local tile and copy the valid part; the additions are the same IEEE
  // operations as the vector path, so an element's bits do not depend on whether its tile was full.
  alignas(32) float tile[kMR * kNR];
  _mm256_store_ps(tile + 0 * kNR, c00), _mm256_store_ps(tile + 0 * kNR + 8, c01);
  _mm256_store_ps(tile + 1 * kNR, c10), _mm256_store_ps(tile + 1 * kNR + 8, c11);
  _mm256_store_ps(tile + 2 * kNR, c20), _mm256_store_ps(tile + 2 * kNR + 8, c21);
  _mm256_store_ps(tile + 3 * kNR, c30), _mm256_store_ps(tile + 3 * kNR + 8, c31);
  _mm256_store_ps(tile + 4 * kNR, c40), _mm256_store_ps(tile + 4 * kNR + 8, c41);
  _mm256_store_ps(tile + 5 * kNR, c50), _mm256_store_ps(tile + 5 * kNR + 8, c51);
  for (int i = 0; i < rows; ++i) {
    float* ci = c + i * ldc;
    const float* ti = tile + i * kNR;
    for (int j = 0; j < cols; ++j) ci[j] = accumulate ? ci[j] + ti[j] : ti[j];
  }
}

const GemmKernels kAvx2Kernels{"avx2", kMR, kNR, microKernelAvx2, kPackA6Avx2, kPackB16Avx2};

bool cpuHasAvx2Fma() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

}  // namespace actlab

#else  // not x86: never selected (cpuHasAvx2Fma is false); the scalar set stands in so the addon links.

namespace actlab {
const GemmKernels kAvx2Kernels = kScalarKernels;
bool cpuHasAvx2Fma() { return false; }
}  // namespace actlab

#endif
