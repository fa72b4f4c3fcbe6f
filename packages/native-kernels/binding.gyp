# Builds the single-precision GEMM addon. No -march flag on purpose: the AVX2 and AVX-512 kernels are
# enabled per function (target attribute) and chosen at run time, so one binary runs on any x86-64 CPU.
# -ffp-contract=off: no fused multiply-add the portable code lacks (same bits); -fno-trapping-math lets
# the dense passes' selects vectorise (nothing reads floating-point exception flags).
{
  "targets": [
    {
      "target_name": "actlab_gemm",
      "sources": [
        "native/addon.cc",
        "native/dense_passes.cc",
        "native/exp_batch.cc",
        "native/gemm_driver.cc",
        "native/kernel_avx2.cc",
        "native/kernel_avx512.cc",
        "native/kernel_scalar.cc",
        "native/log1p_batch.cc",
        "native/optimizer_steps.cc",
        "native/pack_avx2.cc",
        "native/portable_order_gemm.cc",
        "native/expm1_tanh_batch.cc",
        "native/thread_pool.cc"
      ],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags_cc": ["-O3", "-std=c++17", "-ffp-contract=off", "-fno-math-errno", "-fno-trapping-math"],
      "cflags!": ["-O2"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
