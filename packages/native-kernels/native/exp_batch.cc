// The vector lanes follow fdlibm_exp.h operation for operation (multiplies and adds unfused, divisions
// IEEE), so each lane rounds exactly as the scalar code; lanes the vector path does not cover (|x| < 2^-28,
// |x| ≥ 700, x = 1, NaN) are recomputed by the scalar code. AVX-512 and AVX2 therefore give the same bits.
#include "exp_batch.h"

#include <cmath>
#include <cstdint>

#include "fdlibm_exp.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace actlab {
namespace {

// Where a batch's exponents come from: scale·z[i] or scale·|z[i]| over floats, or v[i] over doubles
// (|z| is exact, as Math.abs; scale·x is the kernel's own product, so the argument's bits are its).
enum class Source { kScaled, kScaledAbs, kDoubles };

template <Source kSource>
inline double exponent(const float* z, const double* v, double scale, std::size_t i) {
  if (kSource == Source::kDoubles) return v[i];
  const double x = z[i];
  return scale * (kSource == Source::kScaledAbs ? std::fabs(x) : x);
}

template <Source kSource>
void expScalar(const float* z, const double* v, double scale, double* out, std::size_t from, std::size_t n) {
  for (std::size_t i = from; i < n; ++i) out[i] = fdlibm::exp(exponent<kSource>(z, v, scale, i));
}

#if defined(__x86_64__) || defined(__i386__)
using namespace fdlibm;

#define ACTLAB_AVX512 __attribute__((target("avx512f,avx512dq,avx2")))
#define ACTLAB_AVX2 __attribute__((target("avx2")))

// exp of eight lanes; lanes outside the vector path are recomputed from x by the scalar code.
ACTLAB_AVX512 __m512d expLanes(__m512d x) {
  const __m512i hx =
      _mm512_srli_epi64(_mm512_and_si512(_mm512_castpd_si512(x), _mm512_set1_epi64(0x7FFFFFFFFFFFFFFFLL)), 32);
  const __mmask8 outside = _mm512_cmpge_epu64_mask(hx, _mm512_set1_epi64(kLargeHigh)) |
                           _mm512_cmplt_epu64_mask(hx, _mm512_set1_epi64(kTinyHigh)) |
                           _mm512_cmp_pd_mask(x, _mm512_set1_pd(1.0), _CMP_EQ_OQ);
  const __mmask8 reduced = _mm512_cmpgt_epu64_mask(hx, _mm512_set1_epi64(kHalfLn2High));
  const __mmask8 nearOne = _mm512_cmplt_epu64_mask(hx, _mm512_set1_epi64(kThreeHalvesLn2High));
  const __mmask8 negative = _mm512_cmp_pd_mask(x, _mm512_setzero_pd(), _CMP_LT_OQ);
  // k = ±1 just past 0.5·ln2, else the rounded quotient; t·ln2Hi is then ±ln2Hi exactly, as fdlibm's.
  const __m512d half = _mm512_mask_blend_pd(negative, _mm512_set1_pd(0.5), _mm512_set1_pd(-0.5));
  const __m256i kFar = _mm512_cvttpd_epi32(_mm512_add_pd(_mm512_mul_pd(_mm512_set1_pd(kInvLn2), x), half));
  const __m512d one = _mm512_mask_blend_pd(negative, _mm512_set1_pd(1.0), _mm512_set1_pd(-1.0));
  const __m512d t = _mm512_mask_blend_pd(reduced & nearOne, _mm512_cvtepi32_pd(kFar), one);
  const __m512d hi = _mm512_sub_pd(x, _mm512_mul_pd(t, _mm512_set1_pd(kLn2Hi)));
  const __m512d lo = _mm512_mul_pd(t, _mm512_set1_pd(kLn2Lo));
  const __m512d r = _mm512_mask_blend_pd(reduced, x, _mm512_sub_pd(hi, lo));
  const __m512d r2 = _mm512_mul_pd(r, r);
  __m512d p = _mm512_add_pd(_mm512_set1_pd(kP4), _mm512_mul_pd(r2, _mm512_set1_pd(kP5)));
  p = _mm512_add_pd(_mm512_set1_pd(kP3), _mm512_mul_pd(r2, p));
  p = _mm512_add_pd(_mm512_set1_pd(kP2), _mm512_mul_pd(r2, p));
  p = _mm512_add_pd(_mm512_set1_pd(kP1), _mm512_mul_pd(r2, p));
  const __m512d c = _mm512_sub_pd(r, _mm512_mul_pd(r2, p));
  const __m512d rc = _mm512_mul_pd(r, c);
  // k = 0: 1 − ((r·c)/(c − 2) − r); otherwise (1 − ((lo − (r·c)/(2 − c)) − hi))·2^k. One division per
  // lane: its divisor is c − 2 or 2 − c, whichever the lane's branch uses.
  const __m512d two = _mm512_set1_pd(2.0);
  const __m512d q = _mm512_div_pd(rc, _mm512_mask_blend_pd(reduced, _mm512_sub_pd(c, two), _mm512_sub_pd(two, c)));
  const __m512d small = _mm512_sub_pd(_mm512_set1_pd(1.0), _mm512_sub_pd(q, r));
  const __m512d y = _mm512_sub_pd(_mm512_set1_pd(1.0), _mm512_sub_pd(_mm512_sub_pd(lo, q), hi));
  const __m512i k = _mm512_cvtepi32_epi64(_mm512_cvtpd_epi32(t));
  const __m512d twopk = _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(k, _mm512_set1_epi64(0x3FF)), 52));
  __m512d result = _mm512_mask_blend_pd(reduced, small, _mm512_mul_pd(y, twopk));
  if (outside) {
    alignas(64) double lanes[8];
    _mm512_store_pd(lanes, result);
    for (int lane = 0; lane < 8; ++lane)
      if (outside & (1u << lane)) lanes[lane] = fdlibm::exp(x[lane]);
    result = _mm512_load_pd(lanes);
  }
  return result;
}

template <Source kSource>
ACTLAB_AVX512 void expAvx512(const float* z, const double* v, double scale, double* out, std::size_t n) {
  const __m512d vScale = _mm512_set1_pd(scale);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m512d x;
    if (kSource == Source::kDoubles) {
      x = _mm512_loadu_pd(v + i);
    } else {
      __m512d zi = _mm512_cvtps_pd(_mm256_loadu_ps(z + i));
      if (kSource == Source::kScaledAbs) zi = _mm512_abs_pd(zi);
      x = _mm512_mul_pd(vScale, zi);
    }
    _mm512_storeu_pd(out + i, expLanes(x));
  }
  expScalar<kSource>(z, v, scale, out, i, n);
}

// AVX2 compares 64-bit lanes signed only; high words of |x| are below 2^31, so signed is exact.
ACTLAB_AVX2 inline __m256i below(__m256i a, std::uint32_t b) { return _mm256_cmpgt_epi64(_mm256_set1_epi64x(b), a); }
ACTLAB_AVX2 inline __m256i above(__m256i a, std::uint32_t b) { return _mm256_cmpgt_epi64(a, _mm256_set1_epi64x(b)); }

ACTLAB_AVX2 __m256d expLanes(__m256d x) {
  const __m256i hx =
      _mm256_srli_epi64(_mm256_and_si256(_mm256_castpd_si256(x), _mm256_set1_epi64x(0x7FFFFFFFFFFFFFFFLL)), 32);
  const __m256d outsideV = _mm256_or_pd(
      _mm256_or_pd(_mm256_castsi256_pd(above(hx, kLargeHigh - 1)), _mm256_castsi256_pd(below(hx, kTinyHigh))),
      _mm256_cmp_pd(x, _mm256_set1_pd(1.0), _CMP_EQ_OQ));
  const int outside = _mm256_movemask_pd(outsideV);
  const __m256d reduced = _mm256_castsi256_pd(above(hx, kHalfLn2High));
  const __m256d nearOne = _mm256_castsi256_pd(below(hx, kThreeHalvesLn2High));
  const __m256d negative = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_LT_OQ);
  const __m256d half = _mm256_blendv_pd(_mm256_set1_pd(0.5), _mm256_set1_pd(-0.5), negative);
  const __m128i kFar = _mm256_cvttpd_epi32(_mm256_add_pd(_mm256_mul_pd(_mm256_set1_pd(kInvLn2), x), half));
  const __m256d one = _mm256_blendv_pd(_mm256_set1_pd(1.0), _mm256_set1_pd(-1.0), negative);
  const __m256d t = _mm256_blendv_pd(_mm256_cvtepi32_pd(kFar), one, _mm256_and_pd(reduced, nearOne));
  const __m256d hi = _mm256_sub_pd(x, _mm256_mul_pd(t, _mm256_set1_pd(kLn2Hi)));
  const __m256d lo = _mm256_mul_pd(t, _mm256_set1_pd(kLn2Lo));
  const __m256d r = _mm256_blendv_pd(x, _mm256_sub_pd(hi, lo), reduced);
  const __m256d r2 = _mm256_mul_pd(r, r);
  __m256d p = _mm256_add_pd(_mm256_set1_pd(kP4), _mm256_mul_pd(r2, _mm256_set1_pd(kP5)));
  p = _mm256_add_pd(_mm256_set1_pd(kP3), _mm256_mul_pd(r2, p));
  p = _mm256_add_pd(_mm256_set1_pd(kP2), _mm256_mul_pd(r2, p));
  p = _mm256_add_pd(_mm256_set1_pd(kP1), _mm256_mul_pd(r2, p));
  const __m256d c = _mm256_sub_pd(r, _mm256_mul_pd(r2, p));
  const __m256d rc = _mm256_mul_pd(r, c);
  const __m256d two = _mm256_set1_pd(2.0);
  const __m256d q = _mm256_div_pd(rc, _mm256_blendv_pd(_mm256_sub_pd(c, two), _mm256_sub_pd(two, c), reduced));
  const __m256d small = _mm256_sub_pd(_mm256_set1_pd(1.0), _mm256_sub_pd(q, r));
  const __m256d y = _mm256_sub_pd(_mm256_set1_pd(1.0), _mm256_sub_pd(_mm256_sub_pd(lo, q), hi));
  const __m256i k = _mm256_cvtepi32_epi64(_mm256_cvtpd_epi32(t));
  const __m256d twopk = _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(k, _mm256_set1_epi64x(0x3FF)), 52));
  __m256d result = _mm256_blendv_pd(small, _mm256_mul_pd(y, twopk), reduced);
  if (outside) {
    alignas(32) double lanes[4];
    _mm256_store_pd(lanes, result);
    for (int lane = 0; lane < 4; ++lane)
      if (outside & (1 << lane)) lanes[lane] = fdlibm::exp(x[lane]);
    result = _mm256_load_pd(lanes);
  }
  return result;
}

template <Source kSource>
ACTLAB_AVX2 void expAvx2(const float* z, const double* v, double scale, double* out, std::size_t n) {
  const __m256d vScale = _mm256_set1_pd(scale);
  const __m256d absMask = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7FFFFFFFFFFFFFFFLL));
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    __m256d x;
    if (kSource == Source::kDoubles) {
      x = _mm256_loadu_pd(v + i);
    } else {
      __m256d zi = _mm256_cvtps_pd(_mm_loadu_ps(z + i));
      if (kSource == Source::kScaledAbs) zi = _mm256_and_pd(zi, absMask);
      x = _mm256_mul_pd(vScale, zi);
    }
    _mm256_storeu_pd(out + i, expLanes(x));
  }
  expScalar<kSource>(z, v, scale, out, i, n);
}
#endif

template <Source kSource>
void expWith(ExpPath path, const float* z, const double* v, double scale, double* out, std::size_t n) {
#if defined(__x86_64__) || defined(__i386__)
  if (path == ExpPath::kAvx512) return expAvx512<kSource>(z, v, scale, out, n);
  if (path == ExpPath::kAvx2) return expAvx2<kSource>(z, v, scale, out, n);
#endif
  expScalar<kSource>(z, v, scale, out, 0, n);
}

}  // namespace

ExpPath bestExpPath() {
#if defined(__x86_64__) || defined(__i386__)
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return ExpPath::kAvx512;
  if (__builtin_cpu_supports("avx2")) return ExpPath::kAvx2;
#endif
  return ExpPath::kScalar;
}

void expScaled(ExpPath path, bool absolute, const float* z, double scale, double* out, std::size_t n) {
  if (absolute) expWith<Source::kScaledAbs>(path, z, nullptr, scale, out, n);
  else expWith<Source::kScaled>(path, z, nullptr, scale, out, n);
}

void expInPlace(ExpPath path, double* v, std::size_t n) { expWith<Source::kDoubles>(path, nullptr, v, 0.0, v, n); }

}  // namespace actlab
