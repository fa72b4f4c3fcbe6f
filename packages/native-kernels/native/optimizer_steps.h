// In-place optimiser updates with core's TypeScript arithmetic (optimizers.ts): doubles with float
// roundings at the same places, so a step gives the same bits natively as in the browser.
#pragma once
#include <cstddef>

namespace actlab {

// p -= lr·g.
void sgdStep(float* p, const float* g, std::size_t n, double lr);

// Adam/AdamW as PyTorch writes it, m and v updated in place; stepSize = lr / (1 − β1^t),
// bc2Sqrt = √(1 − β2^t), decay = 1 − lr·weightDecay for AdamW (exactly 1 for Adam).
struct AdamStep {
  double beta1, beta2, eps, stepSize, bc2Sqrt, decay;
};
void adamStep(float* p, const float* g, float* m, float* v, std::size_t n, const AdamStep& s);

}  // namespace actlab
