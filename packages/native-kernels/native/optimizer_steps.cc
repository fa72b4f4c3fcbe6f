// One pass over the parameters per step, in place. Each expression is the TypeScript one term for term
// (same operand order, doubles, float roundings where Math.fround or a Float32Array store rounds), so
// the bits match the portable optimiser; the compiler's vector code rounds exactly as scalar code.
#include "optimizer_steps.h"

#include <cmath>

namespace actlab {

__attribute__((target_clones("avx2", "default"))) void sgdStep(float* p, const float* g, std::size_t n,
                                                                 double lr) {
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<float>(static_cast<double>(p[i]) - lr * g[i]);
}

__attribute__((target_clones("avx2", "default"))) void adamStep(float* p, const float* g, float* m, float* v,
                                                                  std::size_t n, const AdamStep& s) {
  const double beta1 = s.beta1, beta2 = s.beta2, eps = s.eps, stepSize = s.stepSize, bc2Sqrt = s.bc2Sqrt;
  const double decay = s.decay;
  const double oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2;
  for (std::size_t i = 0; i < n; ++i) {
    const double gi = g[i];
    const float mi = static_cast<float>(beta1 * m[i] + oneMinusBeta1 * gi);
    const float vi = static_cast<float>(beta2 * v[i] + oneMinusBeta2 * gi * gi);
    m[i] = mi;
    v[i] = vi;
    const double decayed = decay == 1 ? static_cast<double>(p[i]) : static_cast<double>(static_cast<float>(p[i] * decay));
    p[i] = static_cast<float>(decayed - (stepSize * mi) / (std::sqrt(static_cast<double>(vi)) / bc2Sqrt + eps));
  }
}

}  // namespace actlab
