// Portable packing of op(A) and op(B) blocks into a micro-kernel's panel layout (see PackA/PackB in
// gemm.h), for any tile size. The scalar path uses these, the SIMD paths for the contiguous cases.
#pragma once
#include <algorithm>
#include <cstring>

#include "gemm.h"

namespace actlab {

template <int MR>
void packAPortable(bool transA, const float* A, int m, int k, int i0, int mc, int p0, int kc, float* out) {
  for (int ir = 0; ir < mc; ir += MR) {
    const int rows = std::min(MR, mc - ir);
    float* panel = out + static_cast<std::ptrdiff_t>(ir) * kc;
    if (rows < MR) std::memset(panel, 0, sizeof(float) * MR * kc);
    if (transA) {  // op(A)[i][p] = A[p·m + i]: the MR values for one p are contiguous.
      for (int p = 0; p < kc; ++p) {
        const float* src = A + static_cast<std::ptrdiff_t>(p0 + p) * m + i0 + ir;
        for (int i = 0; i < rows; ++i) panel[p * MR + i] = src[i];
      }
    } else {  // op(A)[i][p] = A[i·k + p]: read each row contiguously.
      for (int i = 0; i < rows; ++i) {
        const float* src = A + static_cast<std::ptrdiff_t>(i0 + ir + i) * k + p0;
        for (int p = 0; p < kc; ++p) panel[p * MR + i] = src[p];
      }
    }
  }
}

template <int NR>
void packBPortable(bool transB, const float* B, int n, int k, int p0, int kc, int j0, int nc, float* out) {
  for (int jr = 0; jr < nc; jr += NR) {
    const int cols = std::min(NR, nc - jr);
    float* panel = out + static_cast<std::ptrdiff_t>(jr) * kc;
    if (cols < NR) std::memset(panel, 0, sizeof(float) * NR * kc);
    if (transB) {  // op(B)[p][j] = B[j·k + p]: read each stored row contiguously.
      for (int j = 0; j < cols; ++j) {
        const float* src = B + static_cast<std::ptrdiff_t>(j0 + jr + j) * k + p0;
        for (int p = 0; p < kc; ++p) panel[p * NR + j] = src[p];
      }
    } else {  // op(B)[p][j] = B[p·n + j]: NR contiguous values per p.
      for (int p = 0; p < kc; ++p) {
        const float* src = B + static_cast<std::ptrdiff_t>(p0 + p) * n + j0 + jr;
        for (int j = 0; j < cols; ++j) panel[p * NR + j] = src[j];
      }
    }
  }
}

}  // namespace actlab
