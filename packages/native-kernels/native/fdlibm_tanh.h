// expm1(x) and tanh(x) in double as fdlibm computes them, the algorithms behind V8's Math.expm1 and
// Math.tanh (base::ieee754): the same operations in the same order, so native passes give the TypeScript
// kernels' bits. The algorithms and constants are fdlibm's (see fdlibm_exp.h for its notice).
#pragma once
#include <cmath>
#include <cstdint>

#include "fdlibm_exp.h"

namespace actlab::fdlibm {

constexpr double kQ1 = -3.33333333333331316428e-02;
constexpr double kQ2 = 1.58730158725481460165e-03;
constexpr double kQ3 = -7.93650757867487942473e-05;
constexpr double kQ4 = 4.00821782732936239552e-06;
constexpr double kQ5 = -2.01099218183624371326e-07;

inline double withHighWord(std::uint32_t high) { return fromBits(static_cast<std::uint64_t>(high) << 32); }

inline double expm1(double x) {
  const double huge = 1.0e+300;
  const double tiny = 1.0e-300;
  const std::uint64_t bits = bitsOf(x);
  const bool negative = (bits >> 63) != 0;
  const std::uint32_t hx = static_cast<std::uint32_t>(bits >> 32) & 0x7FFFFFFFu;
  if (hx >= 0x4043687Au) {  // |x| ≥ 56·ln2
    if (hx >= 0x40862E42u) {
      if (hx >= 0x7FF00000u) {
        if (((hx & 0xFFFFFu) | static_cast<std::uint32_t>(bits)) != 0) return x + x;  // NaN
        return negative ? -1.0 : x;
      }
      if (x > 7.09782712893383973096e+02) return huge * huge;
    }
    if (negative && x + tiny < 0.0) return tiny - 1.0;
  }
  double hi, lo, c = 0.0;
  int k = 0;
  if (hx > kHalfLn2High) {
    if (hx < kThreeHalvesLn2High) {
      hi = negative ? x + kLn2Hi : x - kLn2Hi;
      lo = negative ? -kLn2Lo : kLn2Lo;
      k = negative ? -1 : 1;
    } else {
      k = static_cast<int>(kInvLn2 * x + (negative ? -0.5 : 0.5));
      const double t = k;
      hi = x - t * kLn2Hi;
      lo = t * kLn2Lo;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3C900000u) {  // |x| < 2^-54
    const double t = huge + x;
    return x - (t - (huge + x));
  }
  const double hfx = 0.5 * x;
  const double hxs = x * hfx;
  const double r1 = 1.0 + hxs * (kQ1 + hxs * (kQ2 + hxs * (kQ3 + hxs * (kQ4 + hxs * kQ5))));
  double t = 3.0 - r1 * hfx;
  double e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k == 0) return x - (x * e - hxs);
  const double twopk = withHighWord(0x3FF00000u + (static_cast<std::uint32_t>(k) << 20));
  e = (x * (e - c) - c);
  e -= hxs;
  if (k == -1) return 0.5 * (x - e) - 0.5;
  if (k == 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
  if (k <= -2 || k > 56) {
    double y = 1.0 - (e - x);
    y = k == 1024 ? y * 2.0 * 8.98846567431158e+307 : y * twopk;
    return y - 1.0;
  }
  if (k < 20) {
    t = withHighWord(0x3FF00000u - (0x200000u >> k));  // 1 − 2^-k
    return (t - (e - x)) * twopk;
  }
  t = withHighWord(static_cast<std::uint32_t>(0x3FF - k) << 20);  // 2^-k
  double y = x - (e + t);
  y += 1.0;
  return y * twopk;
}

// High words of |x|: from 22 on tanh is ±1; below 2^-28 it is x; from 1 on it reads expm1(2|x|).
constexpr std::uint32_t kTanhSaturatedHigh = 0x40360000;
constexpr std::uint32_t kTanhTinyHigh = 0x3E300000;
constexpr std::uint32_t kOneHigh = 0x3FF00000;

inline double tanh(double x) {
  const double tiny = 1.0e-300;
  const std::uint64_t bits = bitsOf(x);
  const bool negative = (bits >> 63) != 0;
  const std::uint32_t ix = static_cast<std::uint32_t>(bits >> 32) & 0x7FFFFFFFu;
  if (ix >= 0x7FF00000u) return negative ? 1.0 / x - 1.0 : 1.0 / x + 1.0;
  double z;
  if (ix < kTanhSaturatedHigh) {
    if (ix < kTanhTinyHigh) return x;
    if (ix >= kOneHigh) {
      const double t = expm1(2.0 * std::fabs(x));
      z = 1.0 - 2.0 / (t + 2.0);
    } else {
      const double t = expm1(-2.0 * std::fabs(x));
      z = -t / (t + 2.0);
    }
  } else {
    z = 1.0 - tiny;
  }
  return negative ? -z : z;
}

}  // namespace actlab::fdlibm
