import { describe, expect, it } from "vitest";
import { buildAxes, rampColor } from "./parallel-coords-model";

const runs = [
  { id: "a", params: { activation: "relu", lr: 0.001, seed: 0, epochs: 10 }, metric: 0.8 },
  { id: "b", params: { activation: "tanh", lr: 0.1, seed: 1, epochs: 10 }, metric: 0.6 },
  { id: "c", params: { activation: "gelu", lr: 0.01, seed: 2, epochs: 10 }, metric: 0.9 },
];

describe("parallel coordinates", () => {
  it("keeps only the hyperparameters that vary, seeds aside, and puts the metric last", () => {
    const axes = buildAxes(runs, "val/acc");
    expect(axes.map((a) => a.key)).toEqual(["activation", "lr", "val/acc"]);
    expect(axes[0]?.kind).toBe("category");
    expect(axes[0]?.categories).toEqual(["gelu", "relu", "tanh"]);
  });

  it("spreads decades evenly on a log axis", () => {
    const lr = buildAxes(runs, "val/acc").find((a) => a.key === "lr");
    expect(lr?.kind).toBe("log");
    expect(lr?.position(0.001)).toBe(0);
    expect(lr?.position(0.01)).toBeCloseTo(0.5, 10);
    expect(lr?.position(0.1)).toBe(1);
  });

  it("colours the best runs yellow whether higher or lower is better", () => {
    expect(rampColor(1, true)).toBe("rgb(253, 231, 37)");
    expect(rampColor(0, false)).toBe("rgb(253, 231, 37)");
  });
});
