// Each pass reads and writes its arrays once. Float additions of two floats round as the TypeScript's
// double addition stored to a Float32Array does (double has more than twice float's precision), and
// the row order per column is the TypeScript's, so the bits match it.
#include "dense_passes.h"

#include <cmath>
#include <cstring>

// One build runs on any x86-64: each pass is compiled for AVX-512, AVX2 and the baseline, picked at load.
#define ACTLAB_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

namespace actlab {

ACTLAB_CLONES void reluForward(const float* z, float* a, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const double x = z[i];
    a[i] = static_cast<float>((x + std::fabs(x)) * 0.5);
  }
}

// The backward passes: dz must not overlap z, da or db (the network passes separate buffers), which lets
// the compiler vectorise across a row; each column's sum still adds the rows in order. Selecting 1 or 0
// and multiplying keeps the TypeScript's signed zeros (da·0 is −0 for a negative da) without a branch.
ACTLAB_CLONES void reluBackwardBiasGrad(const float* __restrict__ z, const float* __restrict__ da,
                                        float* __restrict__ dz, float* __restrict__ db, int rows, int units) {
  for (int j = 0; j < units; ++j) db[j] = 0.0f;
  for (int r = 0; r < rows; ++r) {
    const std::ptrdiff_t o = static_cast<std::ptrdiff_t>(r) * units;
    for (int j = 0; j < units; ++j) {
      const float d = da[o + j] * (z[o + j] > 0.0f ? 1.0f : 0.0f);
      dz[o + j] = d;
      db[j] = db[j] + d;
    }
  }
}

ACTLAB_CLONES void leakyReluForward(const float* z, float* a, std::size_t n, double slope) {
  for (std::size_t i = 0; i < n; ++i) {
    const float x = z[i];
    const float scaled = static_cast<float>(slope * x);
    a[i] = x > 0.0f ? x : scaled;
  }
}

ACTLAB_CLONES void leakyReluBackwardBiasGrad(const float* __restrict__ z, const float* __restrict__ da,
                                             float* __restrict__ dz, float* __restrict__ db, int rows, int units,
                                             double slope) {
  for (int j = 0; j < units; ++j) db[j] = 0.0f;
  for (int r = 0; r < rows; ++r) {
    const std::ptrdiff_t o = static_cast<std::ptrdiff_t>(r) * units;
    for (int j = 0; j < units; ++j) {
      const float g = da[o + j];
      const float scaled = static_cast<float>(slope * g);
      const float d = z[o + j] > 0.0f ? g : scaled;
      dz[o + j] = d;
      db[j] = db[j] + d;
    }
  }
}

// The α sum stays one double chain in element order (the TypeScript's), so only the dz and db work
// vectorises; adding 0 for a positive z leaves the chain's value as the TypeScript's skipped addition does
// (the sum starts at +0 and never becomes −0, so adding +0 changes no bit).
ACTLAB_CLONES double preluBackwardBiasGrad(const float* __restrict__ z, const float* __restrict__ da,
                                           float* __restrict__ dz, float* __restrict__ db, int rows, int units,
                                           double alpha) {
  for (int j = 0; j < units; ++j) db[j] = 0.0f;
  double gradAlpha = 0.0;
  for (int r = 0; r < rows; ++r) {
    const std::ptrdiff_t o = static_cast<std::ptrdiff_t>(r) * units;
    for (int j = 0; j < units; ++j) {
      const float x = z[o + j];
      const float g = da[o + j];
      const bool positive = x > 0.0f;
      const float d = positive ? g : static_cast<float>(alpha * g);
      dz[o + j] = d;
      db[j] = db[j] + d;
      gradAlpha += positive ? 0.0 : static_cast<double>(x) * g;
    }
  }
  return gradAlpha;
}

ACTLAB_CLONES void columnSums(const float* x, int rows, int units, float* out) {
  for (int j = 0; j < units; ++j) out[j] = 0.0f;
  for (int r = 0; r < rows; ++r) {
    const float* row = x + static_cast<std::ptrdiff_t>(r) * units;
    for (int j = 0; j < units; ++j) out[j] = out[j] + row[j];
  }
}

void gatherRows(const float* src, int d, const int* order, int start, int count, float* out) {
  for (int r = 0; r < count; ++r) {
    std::memcpy(out + static_cast<std::ptrdiff_t>(r) * d, src + static_cast<std::ptrdiff_t>(order[start + r]) * d,
                sizeof(float) * d);
  }
}

}  // namespace actlab
