// Cache-blocked GEMM driver (BLIS loop order): packs a KC×NC block of op(B) for L3/L2 and an MC×KC block
// of op(A) for L2 into thread-local buffers, then sweeps MR×NR micro-kernel tiles over them. A large
// product is split into bands of C, two per pool thread; k is never split, so the bits stay the same.
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "gemm.h"
#include "thread_pool.h"

namespace actlab {
namespace {

// KC: a 32×KC B micro-panel (32 KiB at 256) plus an 8×KC A micro-panel stay in a 48 KiB L1. KC must not
// depend on the kernel set: it fixes the summation order, which all FMA kernels share.
// MC: an MC×KC A block (≈150 KiB) stays in L2. NC: a KC×NC B block (≈3 MiB) stays in L2/L3.
// MC and NC are multiples of every tile size (6 and 8 rows, 16 and 32 columns).
constexpr int kKC = 256;
constexpr int kMC = 144;
constexpr int kNC = 3072;

// A pack buffer allocated once per thread at its largest size (kMC·kKC or kKC·kNC floats, ≈ 3.3 MiB in
// all; pages are only touched as used), so no call after the first allocates. thread_local because
// the pool's threads and Node worker threads may each run a product.
class PackBuffer {
 public:
  ~PackBuffer() { std::free(data_); }
  float* reserve(std::size_t floats) {
    if (floats <= capacity_) return data_;
    std::free(data_);
    const std::size_t bytes = (floats * sizeof(float) + 63) / 64 * 64;
    data_ = static_cast<float*>(std::aligned_alloc(64, bytes));
    capacity_ = data_ ? floats : 0;
    return data_;
  }

 private:
  float* data_ = nullptr;
  std::size_t capacity_ = 0;
};

thread_local PackBuffer aPack;
thread_local PackBuffer bPack;

// Splits `total` into equal-ish blocks of at most `maxBlock` (a multiple of `unit`), so k = 784 becomes
// 4×196 rather than 3×256 + 16; depends only on `total`, which keeps the summation order fixed.
int blockSize(int total, int maxBlock, int unit) {
  const int blocks = (total + maxBlock - 1) / maxBlock;
  const int size = (total + blocks - 1) / blocks;
  return (size + unit - 1) / unit * unit;
}

// C's rows [i0, i1) × columns [j0, j1), with every k block in increasing order: each element's FMA chain
// depends only on k, never on the range, so any split of C into ranges gives the same bits.
void sgemmRange(const GemmKernels& kernels, bool transA, bool transB, int m, int n, int k, const float* A,
                const float* B, float* C, bool beta, int i0, int i1, int j0, int j1) {
  const int kcMax = blockSize(k, kKC, 1);
  const int mr = kernels.mr;
  const int nr = kernels.nr;
  const int mcMax = std::min(blockSize(i1 - i0, kMC, mr), kMC);
  const int ncMax = std::min(blockSize(j1 - j0, kNC, nr), kNC);
  float* aBuf = aPack.reserve(static_cast<std::size_t>(kMC) * kKC);
  float* bBuf = bPack.reserve(static_cast<std::size_t>(kKC) * kNC);
  if (!aBuf || !bBuf) std::abort();  // out of memory for a few MiB: nothing sensible to return.

  for (int jc = j0; jc < j1; jc += ncMax) {
    const int nc = std::min(ncMax, j1 - jc);
    for (int pc = 0; pc < k; pc += kcMax) {
      const int kc = std::min(kcMax, k - pc);
      const bool accumulate = beta || pc > 0;
      kernels.packB(transB, B, n, k, pc, kc, jc, nc, bBuf);
      for (int ic = i0; ic < i1; ic += mcMax) {
        const int mc = std::min(mcMax, i1 - ic);
        kernels.packA(transA, A, m, k, ic, mc, pc, kc, aBuf);
        for (int jr = 0; jr < nc; jr += nr) {
          const int cols = std::min(nr, nc - jr);
          const float* bPanel = bBuf + static_cast<std::ptrdiff_t>(jr) * kc;
          for (int ir = 0; ir < mc; ir += mr) {
            const int rows = std::min(mr, mc - ir);
            float* cTile = C + static_cast<std::ptrdiff_t>(ic + ir) * n + jc + jr;
            kernels.micro(kc, aBuf + static_cast<std::ptrdiff_t>(ir) * kc, bPanel, cTile, n, accumulate, rows, cols);
          }
        }
      }
    }
  }
}

// Below ≈ 4 M multiply-adds (≈ 45 µs on one AVX-512 core at 190 GFLOP/s) waking a worker costs more
// than it saves.
constexpr double kParallelMacs = 4.0 * (1 << 20);

}  // namespace

void sgemm(const GemmKernels& kernels, bool transA, bool transB, int m, int n, int k, const float* A, const float* B,
           float* C, bool beta) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {  // op(A)·op(B) is all zeros: C = beta·C.
    if (!beta) std::memset(C, 0, sizeof(float) * static_cast<std::size_t>(m) * n);
    return;
  }
  const int threads = poolThreads();
  if (threads <= 1 || static_cast<double>(m) * n * k < kParallelMacs) {
    sgemmRange(kernels, transA, transB, m, n, k, A, B, C, beta, 0, m, 0, n);
    return;
  }
  // Bands of whole tiles across C's longer side: each band packs all of the other operand again, which
  // costs least when that operand is the shorter side's (one extra pack of min(m, n)·k floats per band:
  // 256×512×784 as 4 bands takes 1.17 ms on one core, as 1 band 1.17 ms). Two bands per thread, claimed
  // as threads come free, so a worker that wakes late or is preempted (a shared machine) holds no one up.
  const bool splitRows = m >= n;
  const int unit = splitRows ? kernels.mr : kernels.nr;
  const int tiles = ((splitRows ? m : n) + unit - 1) / unit;
  const int bands = std::min(2 * threads, tiles);
  parallelFor(bands, [&](int band) {
    const int begin = static_cast<int>(static_cast<long long>(tiles) * band / bands) * unit;
    const int end = std::min(static_cast<int>(static_cast<long long>(tiles) * (band + 1) / bands) * unit,
                             splitRows ? m : n);
    if (splitRows) sgemmRange(kernels, transA, transB, m, n, k, A, B, C, beta, begin, end, 0, n);
    else sgemmRange(kernels, transA, transB, m, n, k, A, B, C, beta, 0, m, begin, end);
  });
}

}  // namespace actlab
