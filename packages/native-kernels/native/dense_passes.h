// The dense layers' elementwise passes around the matrix products, with core's TypeScript arithmetic
// (the ReLU kernel, the bias-gradient loop), so they give its bits.
#pragma once
#include <cstddef>

namespace actlab {

// a = max(z, 0) as (z + |z|)·0.5 in double: NaN stays NaN, as in the TypeScript.
void reluForward(const float* z, float* a, std::size_t n);

// One pass for ReLU's backward and the next layer's bias gradient: dz = da·[z > 0], and
// db[j] = Σ over rows of dz[r][j] (overwritten), added in row order.
void reluBackwardBiasGrad(const float* z, const float* da, float* dz, float* db, int rows, int units);

// The batch: out row r = src row order[start + r] (d floats each), for r < count.
void gatherRows(const float* src, int d, const int* order, int start, int count, float* out);

// Leaky ReLU as its TypeScript kernel: a = z > 0 ? z : slope·z, the product in double.
void leakyReluForward(const float* z, float* a, std::size_t n, double slope);

// dz = z > 0 ? da : slope·da, and db = column sums of dz, in one pass.
void leakyReluBackwardBiasGrad(const float* z, const float* da, float* dz, float* db, int rows, int units,
                               double slope);

// PReLU with one α for the layer, as its TypeScript layer: dz = z > 0 ? da : α·da, db = column sums of dz,
// in one pass; returns dL/dα = Σ over the negative side (z ≤ 0 or NaN) of z·da, in double, in element order.
double preluBackwardBiasGrad(const float* z, const float* da, float* dz, float* db, int rows, int units,
                             double alpha);

// out[j] = Σ over rows of x[r][j] (overwritten), added in row order.
void columnSums(const float* x, int rows, int units, float* out);

}  // namespace actlab
