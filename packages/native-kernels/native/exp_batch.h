// out[i] = exp(scale · z[i]) (or exp(scale · |z[i]|), or of doubles in place) in double, with Math.exp's bits (fdlibm_exp.h): an
// activation pass's exponentials computed eight (AVX-512) or four (AVX2) at a time, the rest of the pass
// staying in the TypeScript kernel. Every path gives the same bits.
#pragma once
#include <cstddef>

namespace actlab {

enum class ExpPath { kAvx512, kAvx2, kScalar };

// The fastest path this CPU runs; a slower one may be asked for by name (tests hold them to the same bits).
ExpPath bestExpPath();

void expScaled(ExpPath path, bool absolute, const float* z, double scale, double* out, std::size_t n);

// v[i] = exp(v[i]) in place, for exponents a kernel computed itself (GELU's erfc).
void expInPlace(ExpPath path, double* v, std::size_t n);

}  // namespace actlab
