# Builds the single-precision GEMM addon. No -march flag on purpose: the AVX2+FMA kernel is enabled per
# function (target attribute) and chosen at run time, so one binary also runs on CPUs without AVX2.
{
  "targets": [
    {
      "target_name": "actlab_gemm",
      "sources": [
        "native/addon.cc",
        "native/gemm_driver.cc",
        "native/kernel_avx2.cc",
        "native/kernel_scalar.cc",
        "native/pack_avx2.cc",
        "native/pack_portable.cc"
      ],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags_cc": ["-O3", "-std=c++17", "-ffp-contract=off", "-fno-math-errno"],
      "cflags!": ["-O2"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
