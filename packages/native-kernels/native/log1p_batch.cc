// The vector lanes follow fdlibm_log1p.h operation for operation (unfused, IEEE divisions) for positive
// x in [2^-29, 2^53) with |f| ≥ 2^-20 after the reduction; every other lane (negatives, tiny, huge, NaN,
// the |f| < 2^-20 branch) is recomputed by the scalar port.
#include <cstdint>

#include "avx512_lanes.h"
#include "fdlibm_log1p.h"

namespace actlab {
namespace {

inline double log1pScalar(double x) { return fdlibm::log1p(x); }

#if defined(__x86_64__) || defined(__i386__)
using namespace fdlibm;
using namespace lanes;

// x with its high word replaced by `high` (its low word kept), as fdlibm's SET_HIGH_WORD.
ACTLAB_AVX512 inline __m512d withHighWord(__m512d x, __m512i high) {
  const __m512i low = _mm512_and_si512(_mm512_castpd_si512(x), seti(0xFFFFFFFFLL));
  return _mm512_castsi512_pd(_mm512_or_si512(_mm512_slli_epi64(high, 32), low));
}

ACTLAB_AVX512 __m512d log1pLanes(__m512d x, __mmask8* outsideLanes) {
  const __m512i hx = highOf(x);
  __mmask8 outside = _mm512_cmplt_epi64_mask(hx, seti(0x3E200000)) | _mm512_cmpge_epi64_mask(hx, seti(0x43400000));
  // Below 1 + x = √2: k = 0, f = x; above: reduce u = 1 + x to 2^k·(1 + f).
  const __mmask8 direct = _mm512_cmplt_epi64_mask(hx, seti(0x3FDA827A));
  const __m512d u0 = _mm512_add_pd(set(1.0), x);
  const __m512i hu0 = highOf(u0);
  const __m512i k0 = _mm512_sub_epi64(_mm512_srai_epi64(hu0, 20), seti(1023));
  const __mmask8 kPositive = _mm512_cmpgt_epi64_mask(k0, _mm512_setzero_si512());
  const __m512d c0 = _mm512_mask_blend_pd(kPositive, _mm512_sub_pd(x, _mm512_sub_pd(u0, set(1.0))),
                                          _mm512_sub_pd(set(1.0), _mm512_sub_pd(u0, x)));
  const __m512d c = _mm512_maskz_mov_pd(static_cast<__mmask8>(~direct), _mm512_div_pd(c0, u0));
  const __m512i mant = _mm512_and_si512(hu0, seti(0x000FFFFF));
  const __mmask8 low = _mm512_cmplt_epi64_mask(mant, seti(0x6A09E));
  const __m512d uLow = withHighWord(u0, _mm512_or_si512(mant, seti(0x3FF00000)));
  const __m512d uHigh = withHighWord(u0, _mm512_or_si512(mant, seti(0x3FE00000)));
  const __m512i huHigh = _mm512_srai_epi64(_mm512_sub_epi64(seti(0x00100000), mant), 2);
  const __m512i kReduced = _mm512_mask_blend_epi64(low, _mm512_add_epi64(k0, seti(1)), k0);
  const __m512i hu = _mm512_mask_blend_epi64(direct, _mm512_mask_blend_epi64(low, huHigh, mant), seti(1));
  outside |= _mm512_cmpeq_epi64_mask(hu, _mm512_setzero_si512());
  const __m512i k = _mm512_maskz_mov_epi64(static_cast<__mmask8>(~direct), kReduced);
  const __m512d f = _mm512_mask_blend_pd(direct, _mm512_sub_pd(_mm512_mask_blend_pd(low, uHigh, uLow), set(1.0)), x);
  const __m512d hfsq = _mm512_mul_pd(_mm512_mul_pd(set(0.5), f), f);
  const __m512d s = _mm512_div_pd(f, _mm512_add_pd(set(2.0), f));
  const __m512d z = _mm512_mul_pd(s, s);
  __m512d r = _mm512_add_pd(set(kLp6), _mm512_mul_pd(z, set(kLp7)));
  r = _mm512_add_pd(set(kLp5), _mm512_mul_pd(z, r));
  r = _mm512_add_pd(set(kLp4), _mm512_mul_pd(z, r));
  r = _mm512_add_pd(set(kLp3), _mm512_mul_pd(z, r));
  r = _mm512_add_pd(set(kLp2), _mm512_mul_pd(z, r));
  r = _mm512_add_pd(set(kLp1), _mm512_mul_pd(z, r));
  const __m512d R = _mm512_mul_pd(z, r);
  const __m512d sR = _mm512_mul_pd(s, _mm512_add_pd(hfsq, R));
  const __m512d atZero = _mm512_sub_pd(f, _mm512_sub_pd(hfsq, sR));
  const __m512d dk = _mm512_cvtepi64_pd(k);
  const __m512d scaled = _mm512_sub_pd(
      _mm512_mul_pd(dk, set(kLn2Hi)),
      _mm512_sub_pd(_mm512_sub_pd(hfsq, _mm512_add_pd(sR, _mm512_add_pd(_mm512_mul_pd(dk, set(kLn2Lo)), c))), f));
  const __mmask8 kZero = _mm512_cmpeq_epi64_mask(k, _mm512_setzero_si512());
  *outsideLanes = outside;
  return _mm512_mask_blend_pd(kZero, scaled, atZero);
}
#endif

}  // namespace

void log1pInPlace(InPlacePath path, double* v, std::size_t n) {
#if defined(__x86_64__) || defined(__i386__)
  lanes::inPlaceOn<log1pLanes, log1pScalar>(path, v, n);
#else
  for (std::size_t i = 0; i < n; ++i) v[i] = log1pScalar(v[i]);
#endif
}

}  // namespace actlab
