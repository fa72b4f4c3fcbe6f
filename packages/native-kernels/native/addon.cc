// N-API binding: sgemm(transA, transB, m, n, k, A, aOffset, B, bOffset, C, cOffset, beta) and the optimiser
// steps over Float32Arrays without copying, after checking every index stays inside its array (a bad call
// throws, never corrupts); setThreads(n) sizes the pool that large products and elementwise passes use.
#include <node_api.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "dense_passes.h"
#include "exp_batch.h"
#include "inplace_math.h"
#include "gemm.h"
#include "optimizer_steps.h"
#include "portable_order_gemm.h"
#include "thread_pool.h"

namespace {

struct FloatView {
  float* data;
  std::size_t length;
};

bool throwIfFailed(napi_env env, napi_status status, const char* what) {
  if (status == napi_ok) return false;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_type_error(env, nullptr, what);
  return true;
}

bool readBool(napi_env env, napi_value v, const char* name, bool* out) {
  return !throwIfFailed(env, napi_get_value_bool(env, v, out), name);
}

// Sizes and offsets must be non-negative integers that fit in int32 (a Float32Array index fits anyway).
bool readIndex(napi_env env, napi_value v, const char* name, int* out) {
  double d = 0;
  if (throwIfFailed(env, napi_get_value_double(env, v, &d), name)) return false;
  if (!(d >= 0 && d <= 2147483647.0 && std::floor(d) == d)) {
    napi_throw_range_error(env, nullptr, name);
    return false;
  }
  *out = static_cast<int>(d);
  return true;
}

bool readFloat32Array(napi_env env, napi_value v, const char* name, FloatView* out) {
  bool isTyped = false;
  napi_is_typedarray(env, v, &isTyped);
  napi_typedarray_type type;
  std::size_t length = 0;
  void* data = nullptr;
  if (!isTyped || napi_get_typedarray_info(env, v, &type, &length, &data, nullptr, nullptr) != napi_ok ||
      type != napi_float32_array) {
    napi_throw_type_error(env, nullptr, name);
    return false;
  }
  out->data = static_cast<float*>(data);
  out->length = length;
  return true;
}

bool fits(std::size_t offset, std::size_t count, std::size_t length) {
  return offset <= length && count <= length - offset;
}

// The kernel set for one call: `preferred`, except that the AVX-512 set's 32-wide tiles waste most of
// their work when n ≤ 16, where the AVX2 set's 16-wide tiles do the same sums (same bits) in less time.
const actlab::GemmKernels& kernelsFor(const actlab::GemmKernels* preferred, int n) {
  if (preferred == &actlab::kAvx512Kernels && n <= 16) return actlab::kAvx2Kernels;
  return *preferred;
}

// The twelve sgemm arguments, read and bounds-checked; false (with a pending exception) if any is bad.
struct SgemmCall {
  bool transA = false, transB = false;
  int m = 0, n = 0, k = 0;
  float *A = nullptr, *B = nullptr, *C = nullptr;
  bool beta = false;
};

bool readSgemmCall(napi_env env, napi_callback_info info, SgemmCall* call) {
  std::size_t argc = 12;
  napi_value argv[12];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "sgemm: bad call")) return false;
  if (argc != 12) {
    napi_throw_type_error(env, nullptr, "sgemm expects 12 arguments");
    return false;
  }
  int aOffset = 0, bOffset = 0, cOffset = 0, beta = 0;
  FloatView A{}, B{}, C{};
  if (!readBool(env, argv[0], "sgemm: transA must be a boolean", &call->transA) ||
      !readBool(env, argv[1], "sgemm: transB must be a boolean", &call->transB) ||
      !readIndex(env, argv[2], "sgemm: m must be a non-negative integer", &call->m) ||
      !readIndex(env, argv[3], "sgemm: n must be a non-negative integer", &call->n) ||
      !readIndex(env, argv[4], "sgemm: k must be a non-negative integer", &call->k) ||
      !readFloat32Array(env, argv[5], "sgemm: A must be a Float32Array", &A) ||
      !readIndex(env, argv[6], "sgemm: aOffset must be a non-negative integer", &aOffset) ||
      !readFloat32Array(env, argv[7], "sgemm: B must be a Float32Array", &B) ||
      !readIndex(env, argv[8], "sgemm: bOffset must be a non-negative integer", &bOffset) ||
      !readFloat32Array(env, argv[9], "sgemm: C must be a Float32Array", &C) ||
      !readIndex(env, argv[10], "sgemm: cOffset must be a non-negative integer", &cOffset) ||
      !readIndex(env, argv[11], "sgemm: beta must be 0 or 1", &beta))
    return false;
  if (beta > 1) {
    napi_throw_range_error(env, nullptr, "sgemm: beta must be 0 or 1");
    return false;
  }
  const std::size_t mk = static_cast<std::size_t>(call->m) * call->k;
  const std::size_t kn = static_cast<std::size_t>(call->k) * call->n;
  const std::size_t mn = static_cast<std::size_t>(call->m) * call->n;
  if (!fits(aOffset, mk, A.length) || !fits(bOffset, kn, B.length) || !fits(cOffset, mn, C.length)) {
    napi_throw_range_error(env, nullptr, "sgemm: a matrix does not fit in its array at the given offset");
    return false;
  }
  call->A = A.data + aOffset;
  call->B = B.data + bOffset;
  call->C = C.data + cOffset;
  call->beta = beta == 1;
  return true;
}

napi_value callSgemm(napi_env env, napi_callback_info info, const actlab::GemmKernels* preferred) {
  SgemmCall c;
  if (!readSgemmCall(env, info, &c)) return nullptr;
  actlab::sgemm(kernelsFor(preferred, c.n), c.transA, c.transB, c.m, c.n, c.k, c.A, c.B, c.C, c.beta);
  return nullptr;
}

napi_value sgemmPortableOrder(napi_env env, napi_callback_info info) {
  SgemmCall c;
  if (!readSgemmCall(env, info, &c)) return nullptr;
  actlab::sgemmPortableOrder(c.transA, c.transB, c.m, c.n, c.k, c.A, c.B, c.C, c.beta);
  return nullptr;
}

bool readDouble(napi_env env, napi_value v, const char* name, double* out) {
  return !throwIfFailed(env, napi_get_value_double(env, v, out), name);
}

// Reads `count` Float32Arrays of one length from argv; false (exception pending) otherwise.
bool readSameLengthArrays(napi_env env, const napi_value* argv, int count, const char* name, FloatView* out) {
  for (int i = 0; i < count; ++i) {
    if (!readFloat32Array(env, argv[i], name, &out[i])) return false;
    if (out[i].length != out[0].length) {
      napi_throw_range_error(env, nullptr, name);
      return false;
    }
  }
  return true;
}

// Runs f(begin, end) over [0, n) in one range per pool thread when each gets at least 64 Ki floats of work
// (`floatsPerItem` each; ≈ 20 µs, what waking a worker costs at most); an element's arithmetic is the
// same on any thread. Float ranges start on 16-float (64-byte) boundaries, so no two threads write one
// cache line.
template <typename F>
void forEachRange(std::size_t n, std::size_t floatsPerItem, F&& f) {
  constexpr std::size_t kMinFloatsPerThread = 1 << 16;
  const std::size_t parts = std::min<std::size_t>(actlab::poolThreads(), n * floatsPerItem / kMinFloatsPerThread);
  if (parts <= 1) {
    f(std::size_t{0}, n);
    return;
  }
  const std::size_t align = floatsPerItem == 1 ? 16 : 1;
  const auto edge = [&](std::size_t part) { return part == parts ? n : n * part / parts / align * align; };
  actlab::parallelFor(static_cast<int>(parts), [&](int part) { f(edge(part), edge(part + 1)); });
}

// sgdStep(params, grads, lr).
napi_value sgdStep(napi_env env, napi_callback_info info) {
  std::size_t argc = 3;
  napi_value argv[3];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "sgdStep: bad call")) return nullptr;
  FloatView v[2];
  double lr = 0;
  if (argc != 3 || !readSameLengthArrays(env, argv, 2, "sgdStep: params and grads must be Float32Arrays of one length", v) ||
      !readDouble(env, argv[2], "sgdStep: lr must be a number", &lr))
    return nullptr;
  float* p = v[0].data;
  const float* g = v[1].data;
  forEachRange(v[0].length, 1, [&](std::size_t b, std::size_t e) { actlab::sgdStep(p + b, g + b, e - b, lr); });
  return nullptr;
}

// adamStep(params, grads, m, v, beta1, beta2, eps, stepSize, bc2Sqrt, decay).
napi_value adamStep(napi_env env, napi_callback_info info) {
  std::size_t argc = 10;
  napi_value argv[10];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "adamStep: bad call")) return nullptr;
  FloatView v[4];
  actlab::AdamStep s{};
  double* fields[6] = {&s.beta1, &s.beta2, &s.eps, &s.stepSize, &s.bc2Sqrt, &s.decay};
  if (argc != 10 ||
      !readSameLengthArrays(env, argv, 4, "adamStep: params, grads, m and v must be Float32Arrays of one length", v))
    return nullptr;
  for (int i = 0; i < 6; ++i) {
    if (!readDouble(env, argv[4 + i], "adamStep: coefficients must be numbers", fields[i])) return nullptr;
  }
  forEachRange(v[0].length, 1, [&](std::size_t b, std::size_t e) {
    actlab::adamStep(v[0].data + b, v[1].data + b, v[2].data + b, v[3].data + b, e - b, s);
  });
  return nullptr;
}

// Reads `count` non-negative integers from argv.
bool readIndices(napi_env env, const napi_value* argv, int count, const char* name, int* out) {
  for (int i = 0; i < count; ++i) {
    if (!readIndex(env, argv[i], name, &out[i])) return false;
  }
  return true;
}

// Callback data marking a variant: the leaky ReLU passes, the exponential of |z|; PReLU's backward.
int kVariant = 1;
int kPrelu = 1;

// reluForward(z, a, n), or leakyReluForward(z, a, n, slope) when `leaky` (the callback data) is set.
napi_value reluForward(napi_env env, napi_callback_info info) {
  std::size_t argc = 4;
  napi_value argv[4];
  void* leaky = nullptr;
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, &leaky), "reluForward: bad call")) return nullptr;
  FloatView z{}, a{};
  int n = 0;
  double slope = 0;
  if (argc != (leaky ? 4u : 3u) || (leaky && !readDouble(env, argv[3], "leakyReluForward: slope must be a number", &slope)) ||
      !readFloat32Array(env, argv[0], "reluForward: z must be a Float32Array", &z) ||
      !readFloat32Array(env, argv[1], "reluForward: a must be a Float32Array", &a) ||
      !readIndex(env, argv[2], "reluForward: n must be a non-negative integer", &n))
    return nullptr;
  if (!fits(0, n, z.length) || !fits(0, n, a.length)) {
    napi_throw_range_error(env, nullptr, "reluForward: n exceeds an array");
    return nullptr;
  }
  forEachRange(n, 1, [&](std::size_t b, std::size_t e) {
    if (leaky) actlab::leakyReluForward(z.data + b, a.data + b, e - b, slope);
    else actlab::reluForward(z.data + b, a.data + b, e - b);
  });
  return nullptr;
}

// reluBackwardBiasGrad(z, da, dz, db, rows, units), or with a seventh argument, the slope, when `leaky`.
napi_value reluBackwardBiasGrad(napi_env env, napi_callback_info info) {
  std::size_t argc = 7;
  napi_value argv[7];
  void* variant = nullptr;
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, &variant), "reluBackwardBiasGrad: bad call"))
    return nullptr;
  const bool prelu = variant == &kPrelu;
  const bool sloped = variant != nullptr;
  double slope = 0;
  if (sloped && (argc != 7 || !readDouble(env, argv[6], "leakyReluBackwardBiasGrad: slope must be a number", &slope)))
    return nullptr;
  FloatView v[4];
  int dims[2];
  const char* arrays = "reluBackwardBiasGrad: z, da, dz and db must be Float32Arrays";
  if (argc != (sloped ? 7u : 6u)) {
    napi_throw_type_error(env, nullptr, "reluBackwardBiasGrad expects 6 arguments (7 for the leaky one and PReLU)");
    return nullptr;
  }
  for (int i = 0; i < 4; ++i) {
    if (!readFloat32Array(env, argv[i], arrays, &v[i])) return nullptr;
  }
  if (!readIndices(env, argv + 4, 2, "reluBackwardBiasGrad: rows and units must be non-negative integers", dims))
    return nullptr;
  const std::size_t n = static_cast<std::size_t>(dims[0]) * dims[1];
  if (!fits(0, n, v[0].length) || !fits(0, n, v[1].length) || !fits(0, n, v[2].length) ||
      !fits(0, dims[1], v[3].length)) {
    napi_throw_range_error(env, nullptr, "reluBackwardBiasGrad: rows × units exceeds an array");
    return nullptr;
  }
  if (prelu) {
    napi_value gradAlpha;
    const double sum = actlab::preluBackwardBiasGrad(v[0].data, v[1].data, v[2].data, v[3].data, dims[0], dims[1], slope);
    return napi_create_double(env, sum, &gradAlpha) == napi_ok ? gradAlpha : nullptr;
  }
  if (sloped) actlab::leakyReluBackwardBiasGrad(v[0].data, v[1].data, v[2].data, v[3].data, dims[0], dims[1], slope);
  else actlab::reluBackwardBiasGrad(v[0].data, v[1].data, v[2].data, v[3].data, dims[0], dims[1]);
  return nullptr;
}

// columnSums(x, rows, units, out).
napi_value columnSums(napi_env env, napi_callback_info info) {
  std::size_t argc = 4;
  napi_value argv[4];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "columnSums: bad call")) return nullptr;
  FloatView x{}, out{};
  int dims[2];
  if (argc != 4 || !readFloat32Array(env, argv[0], "columnSums: x must be a Float32Array", &x) ||
      !readIndices(env, argv + 1, 2, "columnSums: rows and units must be non-negative integers", dims) ||
      !readFloat32Array(env, argv[3], "columnSums: out must be a Float32Array", &out))
    return nullptr;
  if (!fits(0, static_cast<std::size_t>(dims[0]) * dims[1], x.length) || !fits(0, dims[1], out.length)) {
    napi_throw_range_error(env, nullptr, "columnSums: rows × units exceeds an array");
    return nullptr;
  }
  actlab::columnSums(x.data, dims[0], dims[1], out.data);
  return nullptr;
}

// gatherRows(src, d, order, start, count, out): every row index is checked against src first.
napi_value gatherRows(napi_env env, napi_callback_info info) {
  std::size_t argc = 6;
  napi_value argv[6];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "gatherRows: bad call")) return nullptr;
  if (argc != 6) {
    napi_throw_type_error(env, nullptr, "gatherRows expects 6 arguments");
    return nullptr;
  }
  FloatView src{}, out{};
  int d = 0, start = 0, count = 0;
  bool isTyped = false;
  napi_typedarray_type type;
  std::size_t orderLength = 0;
  void* orderData = nullptr;
  napi_is_typedarray(env, argv[2], &isTyped);
  if (!readFloat32Array(env, argv[0], "gatherRows: src must be a Float32Array", &src) ||
      !readIndex(env, argv[1], "gatherRows: d must be a non-negative integer", &d) ||
      !readIndex(env, argv[3], "gatherRows: start must be a non-negative integer", &start) ||
      !readIndex(env, argv[4], "gatherRows: count must be a non-negative integer", &count) ||
      !readFloat32Array(env, argv[5], "gatherRows: out must be a Float32Array", &out))
    return nullptr;
  if (!isTyped ||
      napi_get_typedarray_info(env, argv[2], &type, &orderLength, &orderData, nullptr, nullptr) != napi_ok ||
      type != napi_int32_array) {
    napi_throw_type_error(env, nullptr, "gatherRows: order must be an Int32Array");
    return nullptr;
  }
  const int* order = static_cast<const int*>(orderData);
  const std::size_t rowsInSrc = d == 0 ? 0 : src.length / d;
  bool inside = fits(start, count, orderLength) && fits(0, static_cast<std::size_t>(count) * d, out.length);
  for (int r = 0; inside && r < count; ++r) inside = order[start + r] >= 0 && static_cast<std::size_t>(order[start + r]) < rowsInSrc;
  if (!inside) {
    napi_throw_range_error(env, nullptr, "gatherRows: a row or the batch lies outside its array");
    return nullptr;
  }
  forEachRange(count, d, [&](std::size_t b, std::size_t e) {
    actlab::gatherRows(src.data, d, order, start + static_cast<int>(b), static_cast<int>(e - b),
                       out.data + b * static_cast<std::size_t>(d));
  });
  return nullptr;
}

// setThreads(n): how many threads (the caller included) large products, optimiser steps, ReLU forward
// passes and batch gathers use.
napi_value setThreads(napi_env env, napi_callback_info info) {
  std::size_t argc = 1;
  napi_value argv[1];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "setThreads: bad call"))
    return nullptr;
  int threads = 0;
  if (argc != 1 || !readIndex(env, argv[0], "setThreads: n must be an integer from 1 to 256", &threads)) return nullptr;
  if (threads < 1 || threads > actlab::kMaxPoolThreads) {
    napi_throw_range_error(env, nullptr, "setThreads: n must be an integer from 1 to 256");
    return nullptr;
  }
  actlab::setPoolThreads(threads);
  return nullptr;
}

// threads(): the pool's current size.
napi_value threads(napi_env env, napi_callback_info) {
  napi_value out = nullptr;
  napi_create_int32(env, actlab::poolThreads(), &out);
  return out;
}

// The (v, n[, kernel]) of an in-place batch over doubles: v a Float64Array, n ≤ its length, kernel the
// optional path name ("" when absent); false with a pending exception if any is bad.
struct InPlaceCall {
  double* v = nullptr;
  int n = 0;
  std::string kernel;
};

bool readInPlaceCall(napi_env env, napi_callback_info info, const std::string& fn, InPlaceCall* call) {
  std::size_t argc = 3;
  napi_value argv[3];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), (fn + ": bad call").c_str()))
    return false;
  if (argc < 2) {
    napi_throw_type_error(env, nullptr, (fn + " expects (v, n[, kernel])").c_str());
    return false;
  }
  bool isTyped = false;
  napi_typedarray_type type;
  std::size_t length = 0;
  void* data = nullptr;
  napi_is_typedarray(env, argv[0], &isTyped);
  if (!isTyped || napi_get_typedarray_info(env, argv[0], &type, &length, &data, nullptr, nullptr) != napi_ok ||
      type != napi_float64_array) {
    napi_throw_type_error(env, nullptr, (fn + ": v must be a Float64Array").c_str());
    return false;
  }
  if (!readIndex(env, argv[1], (fn + ": n must be a non-negative integer").c_str(), &call->n)) return false;
  if (!fits(0, call->n, length)) {
    napi_throw_range_error(env, nullptr, (fn + ": n exceeds the array").c_str());
    return false;
  }
  call->v = static_cast<double*>(data);
  if (argc == 3) {
    char kernel[16] = {0};
    std::size_t len = 0;
    if (throwIfFailed(env, napi_get_value_string_utf8(env, argv[2], kernel, sizeof kernel, &len),
                      (fn + ": kernel must be a string").c_str()))
      return false;
    call->kernel = kernel;
  }
  return true;
}

void throwNoSuchKernel(napi_env env, const std::string& fn) {
  napi_throw_range_error(env, nullptr, (fn + ": this CPU has no such kernel").c_str());
}

// tanhInPlace / expm1InPlace / log1pInPlace(v, n[, kernel]): v[i] = Math.tanh(v[i]), Math.expm1(v[i]) or
// Math.log1p(v[i]) for i < n;
// `kernel` ("scalar", "avx512") picks one path, for the tests. The callback data is the function.
napi_value inPlaceMath(napi_env env, napi_callback_info info) {
  void* data = nullptr;
  std::size_t argc = 0;
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, nullptr, nullptr, &data), "inPlaceMath: bad call"))
    return nullptr;
  const auto fn = reinterpret_cast<actlab::InPlaceMath>(data);
  const std::string name = fn == &actlab::tanhInPlace   ? "tanhInPlace"
                           : fn == &actlab::expm1InPlace ? "expm1InPlace"
                                                         : "log1pInPlace";
  InPlaceCall call;
  if (!readInPlaceCall(env, info, name, &call)) return nullptr;
  static const actlab::InPlacePath best = actlab::bestInPlacePath();
  actlab::InPlacePath path = best;
  if (call.kernel == "scalar") path = actlab::InPlacePath::kScalar;
  else if (!call.kernel.empty() && !(call.kernel == "avx512" && best == actlab::InPlacePath::kAvx512)) {
    throwNoSuchKernel(env, name);
    return nullptr;
  }
  fn(path, call.v, call.n);
  return nullptr;
}

// The exp path a test names ("scalar", "avx2", "avx512"), or the best when none; false if this CPU lacks it.
bool expPathNamed(const std::string& name, actlab::ExpPath* path) {
  static const actlab::ExpPath best = actlab::bestExpPath();
  const bool has512 = best == actlab::ExpPath::kAvx512;
  const bool has2 = has512 || best == actlab::ExpPath::kAvx2;
  if (name.empty()) *path = best;
  else if (name == "scalar") *path = actlab::ExpPath::kScalar;
  else if (name == "avx2" && has2) *path = actlab::ExpPath::kAvx2;
  else if (name == "avx512" && has512) *path = actlab::ExpPath::kAvx512;
  else return false;
  return true;
}

// expInPlace(v, n[, kernel]): v[i] = Math.exp(v[i]) for i < n.
napi_value expInPlace(napi_env env, napi_callback_info info) {
  InPlaceCall call;
  if (!readInPlaceCall(env, info, "expInPlace", &call)) return nullptr;
  actlab::ExpPath path;
  if (!expPathNamed(call.kernel, &path)) {
    throwNoSuchKernel(env, "expInPlace");
    return nullptr;
  }
  actlab::expInPlace(path, call.v, call.n);
  return nullptr;
}

// expScaled(z, scale, out, n[, kernel]): out[i] = Math.exp(scale·z[i]) for i < n, z a Float32Array and out
// a Float64Array; scale·|z[i]| for expScaledAbs (callback data set). `kernel` ("scalar", "avx2", "avx512")
// picks one path, for the tests.
napi_value expScaled(napi_env env, napi_callback_info info) {
  std::size_t argc = 5;
  napi_value argv[5];
  void* absolute = nullptr;
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, &absolute), "expScaled: bad call"))
    return nullptr;
  FloatView z;
  double scale = 0;
  int n = 0;
  if (argc < 4) {
    napi_throw_type_error(env, nullptr, "expScaled expects (z, scale, out, n[, kernel])");
    return nullptr;
  }
  if (!readFloat32Array(env, argv[0], "expScaled: z must be a Float32Array", &z) ||
      !readDouble(env, argv[1], "expScaled: scale must be a number", &scale) ||
      !readIndex(env, argv[3], "expScaled: n must be a non-negative integer", &n))
    return nullptr;
  bool isTyped = false;
  napi_typedarray_type type;
  std::size_t outLength = 0;
  void* outData = nullptr;
  napi_is_typedarray(env, argv[2], &isTyped);
  if (!isTyped || napi_get_typedarray_info(env, argv[2], &type, &outLength, &outData, nullptr, nullptr) != napi_ok ||
      type != napi_float64_array) {
    napi_throw_type_error(env, nullptr, "expScaled: out must be a Float64Array");
    return nullptr;
  }
  if (!fits(0, n, z.length) || !fits(0, n, outLength)) {
    napi_throw_range_error(env, nullptr, "expScaled: n exceeds an array");
    return nullptr;
  }
  std::string name;
  if (argc == 5) {
    char kernel[16] = {0};
    std::size_t len = 0;
    if (throwIfFailed(env, napi_get_value_string_utf8(env, argv[4], kernel, sizeof kernel, &len),
                      "expScaled: kernel must be a string"))
      return nullptr;
    name = kernel;
  }
  actlab::ExpPath path;
  if (!expPathNamed(name, &path)) {
    throwNoSuchKernel(env, "expScaled");
    return nullptr;
  }
  actlab::expScaled(path, absolute != nullptr, z.data, scale, static_cast<double*>(outData), n);
  return nullptr;
}

// `data` reaches the callback (non-null selects a variant: the leaky ReLU passes).
bool exportFunction(napi_env env, napi_value exports, const char* name, napi_callback fn, void* data = nullptr) {
  napi_value value;
  return napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, data, &value) == napi_ok &&
         napi_set_named_property(env, exports, name, value) == napi_ok;
}

// Best set this CPU runs, chosen once when the addon loads.
const actlab::GemmKernels* bestKernels() {
  if (actlab::cpuHasAvx512()) return &actlab::kAvx512Kernels;
  if (actlab::cpuHasAvx2Fma()) return &actlab::kAvx2Kernels;
  return &actlab::kScalarKernels;
}

// napi callback data points at the kernel set each exported function runs.
napi_value sgemmWith(napi_env env, napi_callback_info info) {
  std::size_t argc = 0;
  void* data = nullptr;
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, nullptr, nullptr, &data), "sgemm: bad call")) return nullptr;
  return callSgemm(env, info, static_cast<const actlab::GemmKernels*>(data));
}

bool exportSgemm(napi_env env, napi_value exports, const char* name, const actlab::GemmKernels* kernels) {
  napi_value fn;
  void* data = const_cast<actlab::GemmKernels*>(kernels);
  return napi_create_function(env, name, NAPI_AUTO_LENGTH, sgemmWith, data, &fn) == napi_ok &&
         napi_set_named_property(env, exports, name, fn) == napi_ok;
}

bool exportString(napi_env env, napi_value object, const char* name, const char* value) {
  napi_value str;
  return napi_create_string_utf8(env, value, NAPI_AUTO_LENGTH, &str) == napi_ok &&
         napi_set_named_property(env, object, name, str) == napi_ok;
}

// Exports `kernel` (the best set's name), `sgemm` (runs it), and `sgemmScalar`/`sgemmAvx2`/`sgemmAvx512`
// for each set this CPU can run, so tests can check every path, the portable fallback included; and
// `sgemmPortableOrder`, `sgdStep`, `adamStep` and the dense passes, which give the portable TypeScript
// code's bits; and `setThreads` / `threads`, the pool every set shares.
napi_value init(napi_env env, napi_value exports) {
  const actlab::GemmKernels* best = bestKernels();
  bool ok = exportString(env, exports, "kernel", best->name) && exportSgemm(env, exports, "sgemm", best) &&
            exportSgemm(env, exports, "sgemmScalar", &actlab::kScalarKernels);
  if (ok && actlab::cpuHasAvx2Fma()) ok = exportSgemm(env, exports, "sgemmAvx2", &actlab::kAvx2Kernels);
  if (ok && actlab::cpuHasAvx512()) ok = exportSgemm(env, exports, "sgemmAvx512", &actlab::kAvx512Kernels);
  ok = ok && exportFunction(env, exports, "sgemmPortableOrder", sgemmPortableOrder) &&
       exportFunction(env, exports, "sgdStep", sgdStep) && exportFunction(env, exports, "adamStep", adamStep) &&
       exportFunction(env, exports, "reluForward", reluForward) &&
       exportFunction(env, exports, "reluBackwardBiasGrad", reluBackwardBiasGrad) &&
       exportFunction(env, exports, "columnSums", columnSums) &&
       exportFunction(env, exports, "gatherRows", gatherRows) &&
       exportFunction(env, exports, "expScaled", expScaled) &&
       exportFunction(env, exports, "expScaledAbs", expScaled, &kVariant) &&
       exportFunction(env, exports, "tanhInPlace", inPlaceMath, reinterpret_cast<void*>(&actlab::tanhInPlace)) &&
       exportFunction(env, exports, "expInPlace", expInPlace) &&
       exportFunction(env, exports, "log1pInPlace", inPlaceMath, reinterpret_cast<void*>(&actlab::log1pInPlace)) &&
       exportFunction(env, exports, "expm1InPlace", inPlaceMath, reinterpret_cast<void*>(&actlab::expm1InPlace)) &&
       exportFunction(env, exports, "leakyReluForward", reluForward, &kVariant) &&
       exportFunction(env, exports, "leakyReluBackwardBiasGrad", reluBackwardBiasGrad, &kVariant) &&
       exportFunction(env, exports, "preluBackwardBiasGrad", reluBackwardBiasGrad, &kPrelu) &&
       exportFunction(env, exports, "setThreads", setThreads) && exportFunction(env, exports, "threads", threads);
  return ok ? exports : nullptr;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
