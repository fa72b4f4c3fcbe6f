import { describe, expect, it } from "vitest";
import { createOptimizer, type OptimizerConfig, type OptimizerKind, RMSPROP_ALPHA } from "./optimizers";

const base: Omit<OptimizerConfig, "optimizer"> = {
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0.1,
};
const lr = 0.1;
const g1 = 0.5;
const g2 = -0.25;
const p0 = 1;

/** Two updates of a single parameter with gradients g1 then g2; returns the parameter after each. */
function twoSteps(kind: OptimizerKind): [number, number] {
  const opt = createOptimizer({ ...base, optimizer: kind }, 1);
  const p = Float32Array.of(p0);
  opt.step(p, Float32Array.of(g1), lr);
  const after1 = p[0] as number;
  opt.step(p, Float32Array.of(g2), lr);
  return [after1, p[0] as number];
}

describe("createOptimizer (PyTorch formulas)", () => {
  it("sgd: p − lr·g", () => {
    const [a, b] = twoSteps("sgd");
    expect(a).toBeCloseTo(p0 - lr * g1, 6);
    expect(b).toBeCloseTo(p0 - lr * g1 - lr * g2, 6);
  });

  it("momentum: buf = μ·buf + g, p − lr·buf", () => {
    const [a, b] = twoSteps("momentum");
    const buf2 = 0.9 * g1 + g2;
    expect(a).toBeCloseTo(p0 - lr * g1, 6);
    expect(b).toBeCloseTo(a - lr * buf2, 6);
  });

  it("nesterov: p − lr·(g + μ·buf)", () => {
    const [a, b] = twoSteps("nesterov");
    const buf1 = g1;
    const buf2 = 0.9 * buf1 + g2;
    expect(a).toBeCloseTo(p0 - lr * (g1 + 0.9 * buf1), 6);
    expect(b).toBeCloseTo(a - lr * (g2 + 0.9 * buf2), 6);
  });

  it("rmsprop: v = α·v + (1−α)·g², p − lr·g / (√v + ε)", () => {
    const [a, b] = twoSteps("rmsprop");
    const v1 = (1 - RMSPROP_ALPHA) * g1 * g1;
    const v2 = RMSPROP_ALPHA * v1 + (1 - RMSPROP_ALPHA) * g2 * g2;
    expect(a).toBeCloseTo(p0 - (lr * g1) / (Math.sqrt(v1) + 1e-8), 5);
    expect(b).toBeCloseTo(a - (lr * g2) / (Math.sqrt(v2) + 1e-8), 5);
  });

  it("adam: bias-corrected moments with ε added after the square root", () => {
    const [a, b] = twoSteps("adam");
    const m1 = 0.1 * g1;
    const v1 = 0.001 * g1 * g1;
    expect(a).toBeCloseTo(p0 - ((lr / 0.1) * m1) / (Math.sqrt(v1) / Math.sqrt(0.001) + 1e-8), 6);
    const m2 = 0.9 * m1 + 0.1 * g2;
    const v2 = 0.999 * v1 + 0.001 * g2 * g2;
    const bc1 = 1 - 0.9 ** 2;
    const bc2 = 1 - 0.999 ** 2;
    expect(b).toBeCloseTo(a - ((lr / bc1) * m2) / (Math.sqrt(v2) / Math.sqrt(bc2) + 1e-8), 5);
  });

  it("adamw: decays the weight by lr·wd before the Adam update", () => {
    const [a] = twoSteps("adamw");
    const [adam] = twoSteps("adam");
    expect(a).toBeCloseTo(p0 * (1 - lr * 0.1) + (adam - p0), 6);
  });

  it("counts steps and exposes its state for checkpoints", () => {
    const opt = createOptimizer({ ...base, optimizer: "adam" }, 3);
    expect(opt.state).toHaveLength(2);
    opt.step(new Float32Array(3), Float32Array.of(1, 2, 3), lr);
    expect(opt.t).toBe(1);
    expect(Array.from(opt.state[0] ?? [])).toEqual([0.1, 0.2, 0.3].map((x) => Math.fround(x)));
  });
});
