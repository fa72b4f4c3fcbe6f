/** @actlab/core: the trainer. Pure computation over Float32Arrays; no I/O, runs in Node and the browser. */

export * from "./activations/index";
export * from "./activations/names";
export * from "./activations/types";
export * from "./budgets";
export * from "./config";
export * from "./data/index";
export * from "./data/names";
export * from "./data/types";
export * from "./diagnostics/index";
export type { BatchExp, BatchMathKernels } from "./math/batch-math";
export * from "./metrics/index";
export * from "./nn/gemm-types";
export * from "./nn/index";
export * from "./rng";
export * from "./run-status";
export * from "./sorted-search";
export * from "./sweep/index";
export * from "./train/index";
export * from "./train/types";
