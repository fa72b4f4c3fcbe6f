import { describe, expect, it } from "vitest";
import { blasKind, ratioRefusal, type TorchBlasReport } from "../bench/torch-blas";

const base: TorchBlasReport = {
  torch: "2.6.0",
  blas_info: ["BLAS_INFO=generic"],
  cpu_capability: "AVX512",
  libraries: [],
  openblas: null,
  threadpools: null,
  threads: 1,
  env: {},
};

describe("the PyTorch yardstick", () => {
  it("refuses a ratio when PyTorch runs on Debian's reference BLAS", () => {
    const r = { ...base, libraries: ["/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"] };
    expect(blasKind(r)).toBe("reference");
    expect(ratioRefusal(r)).toMatch(/reference BLAS/);
  });
  it("accepts OpenBLAS and names its kernel", () => {
    const r = {
      ...base,
      libraries: ["/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"],
      openblas: { corename: "SkylakeX", config: "OpenBLAS 0.3.21 DYNAMIC_ARCH" },
    };
    expect(blasKind(r)).toBe("openblas");
    expect(ratioRefusal(r)).toBeNull();
  });
  it("refuses a ratio when no BLAS library is recognised", () => {
    expect(ratioRefusal(base)).toMatch(/not recognised/);
  });
});
