// log1p(x) in double as fdlibm computes it, the algorithm behind V8's Math.log1p (base::ieee754): the
// same operations in the same order, so native passes give the TypeScript kernels' bits. The algorithm
// and constants are fdlibm's (see fdlibm_exp.h for its notice).
#pragma once
#include <cstdint>
#include <limits>

#include "fdlibm_exp.h"

namespace actlab::fdlibm {

constexpr double kLp1 = 6.666666666666735130e-01;
constexpr double kLp2 = 3.999999999940941908e-01;
constexpr double kLp3 = 2.857142874366239149e-01;
constexpr double kLp4 = 2.222219843214978396e-01;
constexpr double kLp5 = 1.818357216161805012e-01;
constexpr double kLp6 = 1.531383769920937332e-01;
constexpr double kLp7 = 1.479819860511658591e-01;

inline double withHigh(double x, std::uint32_t high) {
  return fromBits((static_cast<std::uint64_t>(high) << 32) | (bitsOf(x) & 0xFFFFFFFFu));
}

inline double log1p(double x) {
  const double two54 = 1.80143985094819840000e+16;
  const std::int32_t hx = static_cast<std::int32_t>(bitsOf(x) >> 32);
  const std::int32_t ax = hx & 0x7FFFFFFF;
  double f = 0.0, c = 0.0;
  std::int32_t k = 1, hu = 0;
  if (hx < 0x3FDA827A) {  // 1 + x < √2
    if (ax >= 0x3FF00000) {  // x ≤ −1
      if (x == -1.0) return -std::numeric_limits<double>::infinity();
      return std::numeric_limits<double>::quiet_NaN();
    }
    if (ax < 0x3E200000) {  // |x| < 2^-29
      if (two54 + x > 0.0 && ax < 0x3C900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= static_cast<std::int32_t>(0xBFD2BEC4)) {  // √2/2 ≤ 1 + x < √2
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7FF00000) return x + x;
  if (k != 0) {
    double u;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = static_cast<std::int32_t>(bitsOf(u) >> 32);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      hu = static_cast<std::int32_t>(bitsOf(u) >> 32);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000FFFFF;
    if (hu < 0x6A09E) {
      u = withHigh(u, static_cast<std::uint32_t>(hu | 0x3FF00000));
    } else {
      k += 1;
      u = withHigh(u, static_cast<std::uint32_t>(hu | 0x3FE00000));
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const double hfsq = 0.5 * f * f;
  if (hu == 0) {  // |f| < 2^-20
    if (f == 0.0) {
      if (k == 0) return 0.0;
      c += k * kLn2Lo;
      return k * kLn2Hi + c;
    }
    const double R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k == 0) return f - R;
    return k * kLn2Hi - ((R - (k * kLn2Lo + c)) - f);
  }
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double R = z * (kLp1 + z * (kLp2 + z * (kLp3 + z * (kLp4 + z * (kLp5 + z * (kLp6 + z * kLp7))))));
  if (k == 0) return f - (hfsq - s * (hfsq + R));
  return k * kLn2Hi - ((hfsq - (s * (hfsq + R) + (k * kLn2Lo + c))) - f);
}

}  // namespace actlab::fdlibm
