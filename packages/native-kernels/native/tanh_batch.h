// v[i] = tanh(v[i]) in place, in double, with Math.tanh's bits (fdlibm_tanh.h): eight lanes at a time on
// AVX-512, the scalar port elsewhere (same bits either way, AVX2 machines just gain less).
#pragma once
#include <cstddef>

namespace actlab {

enum class TanhPath { kAvx512, kScalar };

TanhPath bestTanhPath();

void tanhInPlace(TanhPath path, double* v, std::size_t n);

}  // namespace actlab
