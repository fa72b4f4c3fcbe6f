// N-API binding: sgemm(transA, transB, m, n, k, A, aOffset, B, bOffset, C, cOffset, beta) over Float32Arrays
// without copying, after checking every index stays inside its array (a bad call throws, never corrupts).
#include <node_api.h>

#include <cmath>
#include <cstddef>

#include "gemm.h"

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

napi_value callSgemm(napi_env env, napi_callback_info info, const actlab::GemmKernels* preferred) {
  std::size_t argc = 12;
  napi_value argv[12];
  if (throwIfFailed(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "sgemm: bad call")) return nullptr;
  if (argc != 12) {
    napi_throw_type_error(env, nullptr, "sgemm expects 12 arguments");
    return nullptr;
  }
  bool transA = false, transB = false;
  int m = 0, n = 0, k = 0, aOffset = 0, bOffset = 0, cOffset = 0, beta = 0;
  FloatView A{}, B{}, C{};
  if (!readBool(env, argv[0], "sgemm: transA must be a boolean", &transA) ||
      !readBool(env, argv[1], "sgemm: transB must be a boolean", &transB) ||
      !readIndex(env, argv[2], "sgemm: m must be a non-negative integer", &m) ||
      !readIndex(env, argv[3], "sgemm: n must be a non-negative integer", &n) ||
      !readIndex(env, argv[4], "sgemm: k must be a non-negative integer", &k) ||
      !readFloat32Array(env, argv[5], "sgemm: A must be a Float32Array", &A) ||
      !readIndex(env, argv[6], "sgemm: aOffset must be a non-negative integer", &aOffset) ||
      !readFloat32Array(env, argv[7], "sgemm: B must be a Float32Array", &B) ||
      !readIndex(env, argv[8], "sgemm: bOffset must be a non-negative integer", &bOffset) ||
      !readFloat32Array(env, argv[9], "sgemm: C must be a Float32Array", &C) ||
      !readIndex(env, argv[10], "sgemm: cOffset must be a non-negative integer", &cOffset) ||
      !readIndex(env, argv[11], "sgemm: beta must be 0 or 1", &beta))
    return nullptr;
  if (beta > 1) {
    napi_throw_range_error(env, nullptr, "sgemm: beta must be 0 or 1");
    return nullptr;
  }
  const std::size_t mk = static_cast<std::size_t>(m) * k;
  const std::size_t kn = static_cast<std::size_t>(k) * n;
  const std::size_t mn = static_cast<std::size_t>(m) * n;
  if (!fits(aOffset, mk, A.length) || !fits(bOffset, kn, B.length) || !fits(cOffset, mn, C.length)) {
    napi_throw_range_error(env, nullptr, "sgemm: a matrix does not fit in its array at the given offset");
    return nullptr;
  }
  actlab::sgemm(kernelsFor(preferred, n), transA, transB, m, n, k, A.data + aOffset, B.data + bOffset, C.data + cOffset, beta == 1);
  return nullptr;
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
// for each set this CPU can run, so tests can check every path, the portable fallback included.
napi_value init(napi_env env, napi_value exports) {
  const actlab::GemmKernels* best = bestKernels();
  bool ok = exportString(env, exports, "kernel", best->name) && exportSgemm(env, exports, "sgemm", best) &&
            exportSgemm(env, exports, "sgemmScalar", &actlab::kScalarKernels);
  if (ok && actlab::cpuHasAvx2Fma()) ok = exportSgemm(env, exports, "sgemmAvx2", &actlab::kAvx2Kernels);
  if (ok && actlab::cpuHasAvx512()) ok = exportSgemm(env, exports, "sgemmAvx512", &actlab::kAvx512Kernels);
  return ok ? exports : nullptr;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
