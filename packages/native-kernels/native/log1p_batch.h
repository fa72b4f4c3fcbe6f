// v[i] = log1p(v[i]) in place, in double, with Math.log1p's bits (fdlibm_log1p.h): eight lanes at a time
// on AVX-512 for 2^-29 ≤ x < 2^53 (softplus's log1p(e^-|x|) lies there), the scalar port for every other
// lane and elsewhere; same bits either way.
#pragma once
#include <cstddef>

namespace actlab {

enum class Log1pPath { kAvx512, kScalar };

Log1pPath bestLog1pPath();

void log1pInPlace(Log1pPath path, double* v, std::size_t n);

}  // namespace actlab
