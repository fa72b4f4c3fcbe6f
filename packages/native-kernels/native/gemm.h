// Shared declarations of the blocked single-precision GEMM: the driver (packing, cache blocking) and the
// per-instruction-set micro-kernels and packing routines it calls. Row-major, C = op(A)·op(B) + beta·C,
// the contract of @actlab/core's Sgemm.
#pragma once
#include <cstddef>

namespace actlab {

// Computes acc = Σ_p a[p·MR + i] · b[p·NR + j] over p = 0..kc-1 (in increasing p, one rounding per
// step) for packed panels, then writes the MR×NR tile at c (row stride ldc): c = acc when accumulate is
// false, c += acc otherwise. Only the top-left rows×cols is written (edge tiles). An element's sequence of
// operations never depends on its tile's position or on the tile size, so every FMA kernel (AVX2, AVX-512)
// produces the same bits for the same (m, n, k).
using MicroKernel = void (*)(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc,
                             bool accumulate, int rows, int cols);

// Packs rows [i0, i0+mc) × cols [p0, p0+kc) of op(A) (m×k) as MR-row micro-panels: panel r holds, for
// each p, the MR values op(A)[i0 + r·MR + i][p0 + p] contiguously; rows past mc are zero.
using PackA = void (*)(bool transA, const float* A, int m, int k, int i0, int mc, int p0, int kc, float* out);
// Packs rows [p0, p0+kc) × cols [j0, j0+nc) of op(B) (k×n) as NR-column micro-panels: panel r holds, for
// each p, the NR values op(B)[p0 + p][j0 + r·NR + j] contiguously; columns past nc are zero.
using PackB = void (*)(bool transB, const float* B, int n, int k, int p0, int kc, int j0, int nc, float* out);

// One instruction set's tile size, micro-kernel and packing routines.
struct GemmKernels {
  const char* name;
  int mr;
  int nr;
  MicroKernel micro;
  PackA packA;
  PackB packB;
};

// Scalar and AVX2: 6×16 tiles (12 ymm accumulators + 2 B vectors + 1 broadcast fit AVX2's 16 registers).
// AVX-512: 8×32 tiles (16 zmm accumulators hide the FMA latency on two FMA ports).
extern const GemmKernels kScalarKernels;
extern const GemmKernels kAvx2Kernels;
extern const GemmKernels kAvx512Kernels;

// What this CPU (and OS) can run; checked once.
bool cpuHasAvx2Fma();
bool cpuHasAvx512();

// Full GEMM on raw pointers (A, B, C already offset). beta is 0 or 1; with beta 0, C is overwritten
// (old contents, NaN included, are never read).
void sgemm(const GemmKernels& kernels, bool transA, bool transB, int m, int n, int k, const float* A,
           const float* B, float* C, bool beta);

}  // namespace actlab
