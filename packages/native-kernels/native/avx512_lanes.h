// Shorthands for the AVX-512 double lanes of the in-place batches (tanh, log1p), and their one loop.
// Enabled per function (target attribute), so including this needs no -march flag.
#pragma once
#include <cstddef>
#include <cstdint>

#include "inplace_math.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define ACTLAB_AVX512 __attribute__((target("avx512f,avx512dq,avx2")))

namespace actlab::lanes {

ACTLAB_AVX512 inline __m512d set(double x) { return _mm512_set1_pd(x); }
ACTLAB_AVX512 inline __m512i seti(std::int64_t x) { return _mm512_set1_epi64(x); }
ACTLAB_AVX512 inline __m512d add(__m512d a, __m512d b) { return _mm512_add_pd(a, b); }
ACTLAB_AVX512 inline __m512d sub(__m512d a, __m512d b) { return _mm512_sub_pd(a, b); }
ACTLAB_AVX512 inline __m512d mul(__m512d a, __m512d b) { return _mm512_mul_pd(a, b); }
ACTLAB_AVX512 inline __m512d div(__m512d a, __m512d b) { return _mm512_div_pd(a, b); }
ACTLAB_AVX512 inline __m512d negate(__m512d a) { return _mm512_xor_pd(a, _mm512_set1_pd(-0.0)); }
// The high word of each lane (sign included), and a double from high words (low words zero).
ACTLAB_AVX512 inline __m512i highOf(__m512d x) { return _mm512_srai_epi64(_mm512_castpd_si512(x), 32); }
ACTLAB_AVX512 inline __m512d fromHighWords(__m512i high) { return _mm512_castsi512_pd(_mm512_slli_epi64(high, 32)); }

// v[i] = Scalar(v[i]) for i < n: eight lanes at a time through Vector, which also marks the lanes it does
// not cover; those and the tail go through Scalar.
template <__m512d (*Vector)(__m512d, __mmask8*), double (*Scalar)(double)>
ACTLAB_AVX512 void inPlace(double* v, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m512d x = _mm512_loadu_pd(v + i);
    __mmask8 outside = 0;
    _mm512_storeu_pd(v + i, Vector(x, &outside));
    for (int lane = 0; outside && lane < 8; ++lane)
      if (outside & (1u << lane)) v[i + lane] = Scalar(x[lane]);
  }
  for (; i < n; ++i) v[i] = Scalar(v[i]);
}

// The path's loop: the vector one where the CPU runs it, else Scalar over every element.
template <__m512d (*Vector)(__m512d, __mmask8*), double (*Scalar)(double)>
void inPlaceOn(InPlacePath path, double* v, std::size_t n) {
  if (path == InPlacePath::kAvx512) return inPlace<Vector, Scalar>(v, n);
  for (std::size_t i = 0; i < n; ++i) v[i] = Scalar(v[i]);
}

}  // namespace actlab::lanes
#endif
