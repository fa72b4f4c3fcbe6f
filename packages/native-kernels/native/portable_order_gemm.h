// sgemm with the portable TypeScript kernel's summation order and rounding (bit-identical to it).
#pragma once
#include <cstddef>

namespace actlab {

// Row-major C = op(A)·op(B) (+ C when beta) on raw pointers, as core's portable sgemm sums it.
void sgemmPortableOrder(bool transA, bool transB, int m, int n, int k, const float* A, const float* B, float* C,
                        bool beta);

}  // namespace actlab
