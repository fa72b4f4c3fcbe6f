// AVX2 packing for the two layouts the portable loops handle slowly: op(A) = A (MR rows interleaved per
// k step) and op(B) = Bᵀ (NR rows interleaved), both done as 8×8 register transposes. The other two
// layouts are contiguous copies the compiler already vectorises, so they go to the portable routines.
// Used by the AVX2 and AVX-512 kernel sets (every AVX-512 CPU has AVX2).
#include "pack_avx2.h"

#include <algorithm>
#include <cstring>

#include "pack_portable.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

namespace actlab {

#define ACTLAB_AVX2 __attribute__((target("avx2,fma")))

// In-register transpose of the 8×8 block r[0..7] (row i in r[i]) so that r[q] holds column q.
ACTLAB_AVX2 static inline void transpose8x8(__m256 r[8]) {
  const __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]), t1 = _mm256_unpackhi_ps(r[0], r[1]);
  const __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]), t3 = _mm256_unpackhi_ps(r[2], r[3]);
  const __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]), t5 = _mm256_unpackhi_ps(r[4], r[5]);
  const __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]), t7 = _mm256_unpackhi_ps(r[6], r[7]);
  const __m256 s0 = _mm256_shuffle_ps(t0, t2, 0x44), s1 = _mm256_shuffle_ps(t0, t2, 0xEE);
  const __m256 s2 = _mm256_shuffle_ps(t1, t3, 0x44), s3 = _mm256_shuffle_ps(t1, t3, 0xEE);
  const __m256 s4 = _mm256_shuffle_ps(t4, t6, 0x44), s5 = _mm256_shuffle_ps(t4, t6, 0xEE);
  const __m256 s6 = _mm256_shuffle_ps(t5, t7, 0x44), s7 = _mm256_shuffle_ps(t5, t7, 0xEE);
  r[0] = _mm256_permute2f128_ps(s0, s4, 0x20);
  r[1] = _mm256_permute2f128_ps(s1, s5, 0x20);
  r[2] = _mm256_permute2f128_ps(s2, s6, 0x20);
  r[3] = _mm256_permute2f128_ps(s3, s7, 0x20);
  r[4] = _mm256_permute2f128_ps(s0, s4, 0x31);
  r[5] = _mm256_permute2f128_ps(s1, s5, 0x31);
  r[6] = _mm256_permute2f128_ps(s2, s6, 0x31);
  r[7] = _mm256_permute2f128_ps(s3, s7, 0x31);
}

// op(A) = A: panel[p·MR + i] = A[(i0+ir+i)·k + p0 + p] for MR ≤ 8. Eight k steps at a time: load 8
// values of each of the MR rows, transpose, and store each column's first MR lanes (masked when MR < 8).
template <int MR>
ACTLAB_AVX2 static void packARowMajor(const float* A, int k, int i0, int mc, int p0, int kc, float* out) {
  static_assert(MR <= 8, "one 8×8 transpose per eight k steps");
  const __m256i firstMR = _mm256_cmpgt_epi32(_mm256_set1_epi32(MR), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  for (int ir = 0; ir < mc; ir += MR) {
    const int rows = std::min(MR, mc - ir);
    float* panel = out + static_cast<std::ptrdiff_t>(ir) * kc;
    const float* src[MR];
    for (int i = 0; i < MR; ++i) src[i] = A + static_cast<std::ptrdiff_t>(i0 + ir + std::min(i, rows - 1)) * k + p0;
    int p = 0;
    for (; p + 8 <= kc; p += 8) {
      __m256 r[8];
      for (int i = 0; i < 8; ++i) r[i] = i < rows ? _mm256_loadu_ps(src[i] + p) : _mm256_setzero_ps();
      transpose8x8(r);
      for (int q = 0; q < 8; ++q) {
        if (MR == 8) _mm256_storeu_ps(panel + (p + q) * MR, r[q]);
        else _mm256_maskstore_ps(panel + (p + q) * MR, firstMR, r[q]);
      }
    }
    for (; p < kc; ++p) {
      for (int i = 0; i < MR; ++i) panel[p * MR + i] = i < rows ? src[i][p] : 0.0f;
    }
  }
}

// op(B) = Bᵀ: panel[p·NR + j] = B[(j0+jr+j)·k + p0 + p] for NR a multiple of 8. Eight k steps at a time:
// an 8×8 transpose per group of 8 rows gives each k step's NR values as NR/8 aligned stores.
template <int NR>
ACTLAB_AVX2 static void packBTransposed(const float* B, int k, int p0, int kc, int j0, int nc, float* out) {
  static_assert(NR % 8 == 0, "groups of eight rows");
  for (int jr = 0; jr < nc; jr += NR) {
    const int cols = std::min(NR, nc - jr);
    float* panel = out + static_cast<std::ptrdiff_t>(jr) * kc;
    const float* src[NR];
    for (int j = 0; j < NR; ++j) src[j] = B + static_cast<std::ptrdiff_t>(j0 + jr + std::min(j, cols - 1)) * k + p0;
    int p = 0;
    for (; p + 8 <= kc; p += 8) {
      for (int g = 0; g < NR; g += 8) {
        __m256 r[8];
        for (int j = 0; j < 8; ++j) r[j] = g + j < cols ? _mm256_loadu_ps(src[g + j] + p) : _mm256_setzero_ps();
        transpose8x8(r);
        for (int q = 0; q < 8; ++q) _mm256_store_ps(panel + (p + q) * NR + g, r[q]);
      }
    }
    for (; p < kc; ++p) {
      for (int j = 0; j < NR; ++j) panel[p * NR + j] = j < cols ? src[j][p] : 0.0f;
    }
  }
}

template <int MR>
ACTLAB_AVX2 void packAAvx2(bool transA, const float* A, int m, int k, int i0, int mc, int p0, int kc, float* out) {
  if (transA) return packAPortable<MR>(transA, A, m, k, i0, mc, p0, kc, out);
  packARowMajor<MR>(A, k, i0, mc, p0, kc, out);
}

template <int NR>
ACTLAB_AVX2 void packBAvx2(bool transB, const float* B, int n, int k, int p0, int kc, int j0, int nc, float* out) {
  if (!transB) return packBPortable<NR>(transB, B, n, k, p0, kc, j0, nc, out);
  packBTransposed<NR>(B, k, p0, kc, j0, nc, out);
}

const PackA kPackA6Avx2 = packAAvx2<6>;
const PackA kPackA8Avx2 = packAAvx2<8>;
const PackB kPackB16Avx2 = packBAvx2<16>;
const PackB kPackB32Avx2 = packBAvx2<32>;

}  // namespace actlab

#else  // not x86: these sets are never selected, but keep the symbols so the addon links everywhere.

namespace actlab {
const PackA kPackA6Avx2 = packAPortable<6>;
const PackA kPackA8Avx2 = packAPortable<8>;
const PackB kPackB16Avx2 = packBPortable<16>;
const PackB kPackB32Avx2 = packBPortable<32>;
}  // namespace actlab

#endif
