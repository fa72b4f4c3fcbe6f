// The portable TypeScript sgemm's exact sums in native code (core's gemm.ts): each C element is one
// double, started at +0, with op(A)[i][p]·op(B)[p][j] added in increasing p, then C added when beta, and
// rounded to float once. A float×float product is exact in double (48 significant bits, and its exponent
// stays in double's normal range), so a fused multiply-add rounds exactly as the TypeScript's add of the
// product does, and every step gives the portable kernel's bits on any CPU: narrow layers may run here
// and still match the browser, which has only the portable kernel.
#include "portable_order_gemm.h"

#include <algorithm>
#include <vector>

#include "gemm.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace actlab {
namespace {

// op(B) is packed as doubles in 16-column chunks, [chunk][p][16], zero past column n: a narrow layer's
// whole row of C is one chunk, four AVX2 registers of doubles.
constexpr int kChunk = 16;

// Reused per thread so steady-state calls do not allocate.
thread_local std::vector<double> packedB;

const double* packB(bool transB, const float* B, int n, int k) {
  const int chunks = (n + kChunk - 1) / kChunk;
  packedB.assign(static_cast<std::size_t>(chunks) * k * kChunk, 0.0);
  double* out = packedB.data();
  for (int p = 0; p < k; ++p) {
    for (int j = 0; j < n; ++j) {
      const std::ptrdiff_t at = (static_cast<std::ptrdiff_t>(j / kChunk) * k + p) * kChunk + j % kChunk;
      out[at] = transB ? B[static_cast<std::ptrdiff_t>(j) * k + p] : B[static_cast<std::ptrdiff_t>(p) * n + j];
    }
  }
  return out;
}

// Row i's sums for one chunk, as doubles, rounded to C's floats (after adding C's old value when beta).
inline void storeRow(const double* acc, float* c, int cols, bool beta) {
  for (int j = 0; j < cols; ++j) c[j] = static_cast<float>(beta ? acc[j] + static_cast<double>(c[j]) : acc[j]);
}

void sumRowsPortable(bool beta, int m, int n, int k, const float* A, std::ptrdiff_t ars, std::ptrdiff_t acs,
                     const double* bd, float* C) {
  for (int j0 = 0; j0 < n; j0 += kChunk) {
    const double* b = bd + static_cast<std::ptrdiff_t>(j0 / kChunk) * k * kChunk;
    for (int i = 0; i < m; ++i) {
      double acc[kChunk] = {};
      for (int p = 0; p < k; ++p) {
        const double x = A[i * ars + p * acs];
        for (int j = 0; j < kChunk; ++j) acc[j] += x * b[p * kChunk + j];
      }
      storeRow(acc, C + static_cast<std::ptrdiff_t>(i) * n + j0, std::min(kChunk, n - j0), beta);
    }
  }
}

#if defined(__x86_64__) || defined(__i386__)
#define ACTLAB_AVX2 __attribute__((target("avx2,fma")))

// Two rows at a time share each p's four B loads: 8 accumulators + 4 B + 2 broadcasts of 16 registers.
ACTLAB_AVX2 void sumRowsAvx2(bool beta, int m, int n, int k, const float* A, std::ptrdiff_t ars,
                             std::ptrdiff_t acs, const double* bd, float* C) {
  alignas(32) double acc[2][kChunk];
  for (int j0 = 0; j0 < n; j0 += kChunk) {
    const double* b = bd + static_cast<std::ptrdiff_t>(j0 / kChunk) * k * kChunk;
    const int cols = std::min(kChunk, n - j0);
    int i = 0;
    for (; i + 2 <= m; i += 2) {
      const float* a0 = A + i * ars;
      const float* a1 = a0 + ars;
      __m256d s00 = _mm256_setzero_pd(), s01 = _mm256_setzero_pd(), s02 = _mm256_setzero_pd(),
              s03 = _mm256_setzero_pd();
      __m256d s10 = _mm256_setzero_pd(), s11 = _mm256_setzero_pd(), s12 = _mm256_setzero_pd(),
              s13 = _mm256_setzero_pd();
      for (int p = 0; p < k; ++p) {
        const double* bp = b + p * kChunk;
        const __m256d b0 = _mm256_loadu_pd(bp), b1 = _mm256_loadu_pd(bp + 4);
        const __m256d b2 = _mm256_loadu_pd(bp + 8), b3 = _mm256_loadu_pd(bp + 12);
        const __m256d x0 = _mm256_set1_pd(a0[p * acs]);
        const __m256d x1 = _mm256_set1_pd(a1[p * acs]);
        s00 = _mm256_fmadd_pd(x0, b0, s00), s01 = _mm256_fmadd_pd(x0, b1, s01);
        s02 = _mm256_fmadd_pd(x0, b2, s02), s03 = _mm256_fmadd_pd(x0, b3, s03);
        s10 = _mm256_fmadd_pd(x1, b0, s10), s11 = _mm256_fmadd_pd(x1, b1, s11);
        s12 = _mm256_fmadd_pd(x1, b2, s12), s13 = _mm256_fmadd_pd(x1, b3, s13);
      }
      _mm256_store_pd(acc[0], s00), _mm256_store_pd(acc[0] + 4, s01);
      _mm256_store_pd(acc[0] + 8, s02), _mm256_store_pd(acc[0] + 12, s03);
      _mm256_store_pd(acc[1], s10), _mm256_store_pd(acc[1] + 4, s11);
      _mm256_store_pd(acc[1] + 8, s12), _mm256_store_pd(acc[1] + 12, s13);
      storeRow(acc[0], C + static_cast<std::ptrdiff_t>(i) * n + j0, cols, beta);
      storeRow(acc[1], C + static_cast<std::ptrdiff_t>(i + 1) * n + j0, cols, beta);
    }
    if (i < m) {
      const float* a0 = A + i * ars;
      __m256d s00 = _mm256_setzero_pd(), s01 = _mm256_setzero_pd(), s02 = _mm256_setzero_pd(),
              s03 = _mm256_setzero_pd();
      for (int p = 0; p < k; ++p) {
        const double* bp = b + p * kChunk;
        const __m256d x0 = _mm256_set1_pd(a0[p * acs]);
        s00 = _mm256_fmadd_pd(x0, _mm256_loadu_pd(bp), s00);
        s01 = _mm256_fmadd_pd(x0, _mm256_loadu_pd(bp + 4), s01);
        s02 = _mm256_fmadd_pd(x0, _mm256_loadu_pd(bp + 8), s02);
        s03 = _mm256_fmadd_pd(x0, _mm256_loadu_pd(bp + 12), s03);
      }
      _mm256_store_pd(acc[0], s00), _mm256_store_pd(acc[0] + 4, s01);
      _mm256_store_pd(acc[0] + 8, s02), _mm256_store_pd(acc[0] + 12, s03);
      storeRow(acc[0], C + static_cast<std::ptrdiff_t>(i) * n + j0, cols, beta);
    }
  }
}
#endif

}  // namespace

void sgemmPortableOrder(bool transA, bool transB, int m, int n, int k, const float* A, const float* B, float* C,
                        bool beta) {
  if (m <= 0 || n <= 0) return;
  const double* bd = packB(transB, B, n, k);
  const std::ptrdiff_t ars = transA ? 1 : k;
  const std::ptrdiff_t acs = transA ? m : 1;
#if defined(__x86_64__) || defined(__i386__)
  static const bool avx2 = cpuHasAvx2Fma();
  if (avx2) return sumRowsAvx2(beta, m, n, k, A, ars, acs, bd, C);
#endif
  sumRowsPortable(beta, m, n, k, A, ars, acs, bd, C);
}

}  // namespace actlab
