/**
 * Optimisers over one flat parameter vector (PyTorch's update formulas). Their state lives in
 * Float32Arrays plus a step count, so a checkpoint copies it exactly.
 */
import type { OPTIMIZERS } from "../config";
import { pluggedOptimizerKernels } from "./gemm";

export type OptimizerKind = (typeof OPTIMIZERS)[number];

export type OptimizerConfig = {
  optimizer: OptimizerKind;
  momentum: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
};

export type Optimizer = {
  readonly kind: OptimizerKind;
  /** Per-parameter state (momentum buffer; RMSProp square average; Adam's m and v), for checkpoints. */
  readonly state: readonly Float32Array[];
  /** Updates taken so far (Adam's bias correction reads it); restored from checkpoints. */
  t: number;
  /** One update of params from grads at learning rate lr. Allocates nothing. */
  step(params: Float32Array, grads: Float32Array, lr: number): void;
};

/** PyTorch's RMSprop default smoothing constant (its `alpha`). */
export const RMSPROP_ALPHA = 0.99;

/**
 * Below this many parameters SGD and Adam update in TypeScript even when a backend has native steps
 * (same bits either way): a native call costs about as much as a few hundred TypeScript updates.
 */
export const NATIVE_STEP_MIN_PARAMS = 1024;

export function createOptimizer(config: OptimizerConfig, size: number): Optimizer {
  const { optimizer: kind, momentum: mu, beta1, beta2, eps, weightDecay } = config;
  const stateCount = { sgd: 0, momentum: 1, nesterov: 1, rmsprop: 1, adam: 2, adamw: 2 }[kind];
  const state = Array.from({ length: stateCount }, () => new Float32Array(size));
  const s0 = state[0] ?? new Float32Array(0);
  const s1 = state[1] ?? new Float32Array(0);

  const opt: Optimizer = {
    kind,
    state,
    t: 0,
    step(p, g, lr) {
      opt.t++;
      const n = p.length;
      const native = n >= NATIVE_STEP_MIN_PARAMS ? pluggedOptimizerKernels() : null;
      switch (kind) {
        case "sgd":
          if (native) {
            native.sgdStep(p, g, lr);
            return;
          }
          for (let i = 0; i < n; i++) p[i] = (p[i] as number) - lr * (g[i] as number);
          return;
        case "momentum":
        case "nesterov": {
          // buf = μ·buf + g (PyTorch: the first step sets buf = g, which is the same from a zero buffer).
          const nesterov = kind === "nesterov";
          for (let i = 0; i < n; i++) {
            const gi = g[i] as number;
            const b = Math.fround(mu * (s0[i] as number) + gi);
            s0[i] = b;
            p[i] = (p[i] as number) - lr * (nesterov ? gi + mu * b : b);
          }
          return;
        }
        case "rmsprop":
          for (let i = 0; i < n; i++) {
            const gi = g[i] as number;
            const v = Math.fround(RMSPROP_ALPHA * (s0[i] as number) + (1 - RMSPROP_ALPHA) * gi * gi);
            s0[i] = v;
            p[i] = (p[i] as number) - (lr * gi) / (Math.sqrt(v) + eps);
          }
          return;
        case "adam":
        case "adamw": {
          // PyTorch: p -= (lr / bc1) · m / (sqrt(v) / sqrt(bc2) + ε), ε added after the bias correction.
          const stepSize = lr / (1 - beta1 ** opt.t);
          const bc2Sqrt = Math.sqrt(1 - beta2 ** opt.t);
          // AdamW decays the weights directly (decoupled), before the Adam update, as PyTorch does.
          const decay = kind === "adamw" ? 1 - lr * weightDecay : 1;
          if (native) {
            native.adamStep(p, g, s0, s1, beta1, beta2, eps, stepSize, bc2Sqrt, decay);
            return;
          }
          for (let i = 0; i < n; i++) {
            const gi = g[i] as number;
            const m = Math.fround(beta1 * (s0[i] as number) + (1 - beta1) * gi);
            const v = Math.fround(beta2 * (s1[i] as number) + (1 - beta2) * gi * gi);
            s0[i] = m;
            s1[i] = v;
            const decayed = decay === 1 ? (p[i] as number) : Math.fround((p[i] as number) * decay);
            p[i] = decayed - (stepSize * m) / (Math.sqrt(v) / bc2Sqrt + eps);
          }
          return;
        }
      }
    },
  };
  return opt;
}
