// AVX2 packing routines for the tile sizes the SIMD kernels use (x86 only; see pack_avx2.cc).
#pragma once
#include "gemm.h"

namespace actlab {

extern const PackA kPackA6Avx2;   // 6-row panels (AVX2 kernel)
extern const PackA kPackA8Avx2;   // 8-row panels (AVX-512 kernel)
extern const PackB kPackB16Avx2;  // 16-column panels (AVX2 kernel)
extern const PackB kPackB32Avx2;  // 32-column panels (AVX-512 kernel)

}  // namespace actlab
