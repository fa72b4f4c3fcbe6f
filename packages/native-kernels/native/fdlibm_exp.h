// exp(x) in double as fdlibm's __ieee754_exp computes it, which is the algorithm behind V8's Math.exp
// (base::ieee754::exp, with its exp(1) = E special case): the same operations in the same order, so a
// native pass gives the TypeScript kernels' bits. The algorithm and its constants are fdlibm's:
//   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//   Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and
//   distribute this software is freely granted, provided that this notice is preserved.
// Built with -ffp-contract=off: a fused multiply-add would round differently.
#pragma once
#include <cstdint>
#include <cstring>

namespace actlab::fdlibm {

constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kP1 = 1.66666666666666019037e-01;
constexpr double kP2 = -2.77777777770155933842e-03;
constexpr double kP3 = 6.61375632143793436117e-05;
constexpr double kP4 = -1.65339022054652515390e-06;
constexpr double kP5 = 4.13813679705723846039e-08;
constexpr double kE = 2.718281828459045;

inline std::uint64_t bitsOf(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
inline double fromBits(std::uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// High word of |x| at or above this (|x| ≥ 700) or below kTinyHigh (|x| < 2^-28) leaves the vector
// path: there the reduction's scale leaves the normal range or the answer is 1 + x.
constexpr std::uint32_t kLargeHigh = 0x4085E000;
constexpr std::uint32_t kTinyHigh = 0x3E300000;
// |x| above 0.5·ln2 is reduced (k ≠ 0); below 1.5·ln2 too, k is ±1.
constexpr std::uint32_t kHalfLn2High = 0x3FD62E42;
constexpr std::uint32_t kThreeHalvesLn2High = 0x3FF0A2B2;

inline double exp(double x) {
  const double huge = 1.0e+300;
  const double twom1000 = 9.33263618503218878990e-302;
  const double two1023 = 8.988465674311579539e307;
  const std::uint64_t bits = bitsOf(x);
  const int sign = static_cast<int>(bits >> 63);
  const std::uint32_t hx = static_cast<std::uint32_t>(bits >> 32) & 0x7FFFFFFFu;
  if (hx >= 0x40862E42u) {  // |x| ≥ 709.78…: not finite, overflow or underflow
    if (hx >= 0x7FF00000u) {
      if (((hx & 0xFFFFFu) | static_cast<std::uint32_t>(bits)) != 0) return x + x;  // NaN
      return sign == 0 ? x : 0.0;
    }
    if (x > 7.09782712893383973096e+02) return huge * huge;
    if (x < -7.45133219101941108420e+02) return twom1000 * twom1000;
  }
  double hi = 0.0, lo = 0.0;
  int k = 0;
  if (hx > kHalfLn2High) {
    if (hx < kThreeHalvesLn2High) {
      if (x == 1.0) return kE;
      hi = x - (sign ? -kLn2Hi : kLn2Hi);
      lo = sign ? -kLn2Lo : kLn2Lo;
      k = 1 - sign - sign;
    } else {
      k = static_cast<int>(kInvLn2 * x + (sign ? -0.5 : 0.5));
      const double t = k;
      hi = x - t * kLn2Hi;
      lo = t * kLn2Lo;
    }
    x = hi - lo;
  } else if (hx < kTinyHigh) {
    if (huge + x > 1.0) return 1.0 + x;
  }
  const double t = x * x;
  const double twopk =
      fromBits(static_cast<std::uint64_t>(0x3FF00000u + (static_cast<std::uint32_t>(k >= -1021 ? k : k + 1000) << 20))
               << 32);
  const double c = x - t * (kP1 + t * (kP2 + t * (kP3 + t * (kP4 + t * kP5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * two1023;
    return y * twopk;
  }
  return y * twopk * twom1000;
}

}  // namespace actlab::fdlibm
