// In-place batches over doubles with Math.*'s bits: v[i] = expm1(v[i]) or tanh(v[i]) (fdlibm_tanh.h),
// or log1p(v[i]) (fdlibm_log1p.h), eight lanes at a time on AVX-512 and the scalar port elsewhere (same bits either
// way; an AVX2 machine just gains less). log1p's vector path covers 2^-29 ≤ x < 2^53, where softplus's
// log1p(e^-|x|) lies.
#pragma once
#include <cstddef>

namespace actlab {

enum class InPlacePath { kAvx512, kScalar };

inline InPlacePath bestInPlacePath() {
#if defined(__x86_64__) || defined(__i386__)
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return InPlacePath::kAvx512;
#endif
  return InPlacePath::kScalar;
}

using InPlaceMath = void (*)(InPlacePath path, double* v, std::size_t n);

void expm1InPlace(InPlacePath path, double* v, std::size_t n);
void tanhInPlace(InPlacePath path, double* v, std::size_t n);
void log1pInPlace(InPlacePath path, double* v, std::size_t n);

}  // namespace actlab
