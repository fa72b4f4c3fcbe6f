// expm1 and tanh (built on it) in place. The vector lanes follow fdlibm_tanh.h operation for operation
// (unfused, IEEE divisions), every branch of expm1 the lanes can reach computed and the lane's own picked,
// so each lane rounds as the scalar port; lanes outside 2^-54 ≤ |x| < 56·ln2 (expm1) or 2^-28 ≤ |x| < 22
// (tanh), NaN and ±∞ among them, are recomputed by the scalar port.
#include <cstdint>

#include "avx512_lanes.h"
#include "fdlibm_tanh.h"

namespace actlab {
namespace {

inline double tanhScalar(double x) { return fdlibm::tanh(x); }
inline double expm1Scalar(double x) { return fdlibm::expm1(x); }

#if defined(__x86_64__) || defined(__i386__)
using namespace fdlibm;
using namespace lanes;

// expm1(u) for lanes with 2^-54 ≤ |u| < 709 (tanh's 2|x| and −2|x|): fdlibm's reduction and its five
// ways of scaling back, chosen per lane by k.
ACTLAB_AVX512 __m512d expm1Lanes(__m512d u) {
  const __m512i hu = _mm512_srli_epi64(_mm512_and_si512(_mm512_castpd_si512(u), seti(0x7FFFFFFFFFFFFFFFLL)), 32);
  const __mmask8 reduced = _mm512_cmpgt_epu64_mask(hu, seti(kHalfLn2High));
  const __mmask8 nearOne = _mm512_cmplt_epu64_mask(hu, seti(kThreeHalvesLn2High));
  const __mmask8 negative = _mm512_cmp_pd_mask(u, _mm512_setzero_pd(), _CMP_LT_OQ);
  const __m512d half = _mm512_mask_blend_pd(negative, set(0.5), set(-0.5));
  const __m512d kFar = _mm512_cvtepi32_pd(_mm512_cvttpd_epi32(add(mul(set(kInvLn2), u), half)));
  const __m512d one = _mm512_mask_blend_pd(negative, set(1.0), set(-1.0));
  // k = 0 where the argument is not reduced.
  const __m512d tk = _mm512_maskz_mov_pd(reduced, _mm512_mask_blend_pd(reduced & nearOne, kFar, one));
  const __m512d hi = sub(u, mul(tk, set(kLn2Hi)));
  const __m512d lo = mul(tk, set(kLn2Lo));
  const __m512d r = _mm512_mask_blend_pd(reduced, u, sub(hi, lo));
  const __m512d c = _mm512_maskz_mov_pd(reduced, sub(sub(hi, r), lo));
  const __m512d hfx = mul(set(0.5), r);
  const __m512d hxs = mul(r, hfx);
  __m512d p = add(set(kQ4), mul(hxs, set(kQ5)));
  p = add(set(kQ3), mul(hxs, p));
  p = add(set(kQ2), mul(hxs, p));
  p = add(set(kQ1), mul(hxs, p));
  const __m512d r1 = add(set(1.0), mul(hxs, p));
  const __m512d t = sub(set(3.0), mul(r1, hfx));
  const __m512d e = mul(hxs, div(sub(r1, t), sub(set(6.0), mul(r, t))));
  const __m512d k0 = sub(r, sub(mul(r, e), hxs));
  const __m512d e2 = sub(sub(mul(r, sub(e, c)), c), hxs);
  const __m512d kMinus1 = sub(mul(set(0.5), sub(r, e2)), set(0.5));
  const __mmask8 below = _mm512_cmp_pd_mask(r, set(-0.25), _CMP_LT_OQ);
  const __m512d kOne = _mm512_mask_blend_pd(below, add(set(1.0), mul(set(2.0), sub(r, e2))),
                                            mul(set(-2.0), sub(e2, add(r, set(0.5)))));
  const __m512i k = _mm512_cvtepi32_epi64(_mm512_cvtpd_epi32(tk));
  const __m512d twopk = _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(k, seti(0x3FF)), 52));
  const __m512d far = sub(mul(sub(set(1.0), sub(e2, r)), twopk), set(1.0));
  const __m512i oneMinus = _mm512_sub_epi64(seti(0x3FF00000), _mm512_srlv_epi64(seti(0x200000), k));
  const __m512d mid = mul(sub(fromHighWords(oneMinus), sub(e2, r)), twopk);
  const __m512i twoMinusK = _mm512_slli_epi64(_mm512_sub_epi64(seti(0x3FF), k), 20);
  const __m512d high = mul(add(sub(r, add(e2, fromHighWords(twoMinusK))), set(1.0)), twopk);
  const __mmask8 kFarMask = _mm512_cmplt_epi64_mask(k, seti(-1)) | _mm512_cmpgt_epi64_mask(k, seti(56));
  const __mmask8 kHighMask = _mm512_cmpge_epi64_mask(k, seti(20)) & ~kFarMask;
  __m512d y = mid;
  y = _mm512_mask_blend_pd(kHighMask, y, high);
  y = _mm512_mask_blend_pd(kFarMask, y, far);
  y = _mm512_mask_blend_pd(_mm512_cmpeq_epi64_mask(k, seti(1)), y, kOne);
  y = _mm512_mask_blend_pd(_mm512_cmpeq_epi64_mask(k, seti(-1)), y, kMinus1);
  return _mm512_mask_blend_pd(_mm512_cmpeq_epi64_mask(k, _mm512_setzero_si512()), y, k0);
}

// Math.expm1 itself (ELU's and SELU's negative side): the lanes fdlibm reduces, 2^-54 ≤ |x| < 56·ln2.
ACTLAB_AVX512 __m512d expm1InPlaceLanes(__m512d x, __mmask8* outside) {
  const __m512i hx = highOf(_mm512_abs_pd(x));
  *outside = _mm512_cmplt_epi64_mask(hx, seti(0x3C900000)) | _mm512_cmpge_epi64_mask(hx, seti(0x4043687A));
  return expm1Lanes(x);
}

ACTLAB_AVX512 __m512d tanhLanes(__m512d x, __mmask8* outside) {
  const __m512d ax = _mm512_abs_pd(x);
  const __m512i ix = highOf(ax);
  *outside = _mm512_cmpge_epu64_mask(ix, seti(kTanhSaturatedHigh)) | _mm512_cmplt_epu64_mask(ix, seti(kTanhTinyHigh));
  const __mmask8 big = _mm512_cmpge_epu64_mask(ix, seti(kOneHigh));
  const __m512d u = mul(_mm512_mask_blend_pd(big, set(-2.0), set(2.0)), ax);
  const __m512d t = expm1Lanes(u);
  const __m512d z = _mm512_mask_blend_pd(big, div(negate(t), add(t, set(2.0))),
                                         sub(set(1.0), div(set(2.0), add(t, set(2.0)))));
  const __mmask8 negative = _mm512_cmp_pd_mask(x, _mm512_setzero_pd(), _CMP_LT_OQ);
  return _mm512_mask_blend_pd(negative, z, negate(z));
}
#endif

}  // namespace

void expm1InPlace(InPlacePath path, double* v, std::size_t n) {
#if defined(__x86_64__) || defined(__i386__)
  lanes::inPlaceOn<expm1InPlaceLanes, expm1Scalar>(path, v, n);
#else
  for (std::size_t i = 0; i < n; ++i) v[i] = expm1Scalar(v[i]);
#endif
}

void tanhInPlace(InPlacePath path, double* v, std::size_t n) {
#if defined(__x86_64__) || defined(__i386__)
  lanes::inPlaceOn<tanhLanes, tanhScalar>(path, v, n);
#else
  for (std::size_t i = 0; i < n; ++i) v[i] = tanhScalar(v[i]);
#endif
}

}  // namespace actlab
