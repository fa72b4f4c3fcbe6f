import { describe, expect, it } from "vitest";
import { expandSweep, variedKeys } from "./expand";
import { COMPARISON_ACTIVATIONS, everyActivationPreset } from "./presets";
import { countSweepRuns, SWEEP_LIMITS, ZSweepSpec } from "./spec";

const base = {
  dataset: { kind: "generated", name: "moons" },
  hiddenLayers: [8],
  activation: "relu",
} as const;

describe("sweep expansion", () => {
  it("crosses every axis and every seed, in a stable order", () => {
    const spec = ZSweepSpec.parse({
      base,
      axes: { activation: ["relu", "tanh"], lr: [0.1, 0.01, 0.001] },
      seeds: 2,
    });
    const configs = expandSweep(spec);
    expect(configs).toHaveLength(12);
    expect(countSweepRuns(spec)).toBe(12);
    expect(configs.slice(0, 3).map((c) => [c.activation, c.lr, c.seed])).toEqual([
      ["relu", 0.1, 0],
      ["relu", 0.1, 1],
      ["relu", 0.01, 0],
    ]);
    expect(new Set(configs.map((c) => `${c.activation}/${c.lr}/${c.seed}`)).size).toBe(12);
    expect(variedKeys(spec)).toEqual(["activation", "lr"]);
  });

  it("samples a random search reproducibly within the budget and the lr range", () => {
    const spec = ZSweepSpec.parse({
      base,
      axes: { activation: ["relu", "tanh", "gelu"] },
      seeds: 1,
      search: { kind: "random", budget: 20, lrRange: { min: 1e-4, max: 1e-1 }, seed: 3 },
    });
    const a = expandSweep(spec);
    expect(a).toHaveLength(20);
    expect(a.every((c) => c.lr >= 1e-4 && c.lr <= 0.1)).toBe(true);
    expect(new Set(a.map((c) => c.lr)).size).toBeGreaterThan(15);
    expect(expandSweep(spec)).toEqual(a);
  });

  it("asks for confirmation above the limit and refuses absurd sizes", () => {
    const big = { base, axes: { lr: Array.from({ length: 60 }, (_, i) => (i + 1) / 100) }, seeds: 2 };
    expect(ZSweepSpec.safeParse(big).error?.issues[0]?.message).toMatch(/launches 120 runs: confirm/);
    expect(ZSweepSpec.safeParse({ ...big, confirmed: true }).success).toBe(true);
    const absurd = { ...big, seeds: 50, confirmed: true };
    expect(ZSweepSpec.safeParse(absurd).error?.issues[0]?.message).toMatch(
      new RegExp(`3,000 runs; the limit is ${SWEEP_LIMITS.maxRuns.toLocaleString("en")}`),
    );
  });

  it("builds the every-activation preset as one run per activation and seed", () => {
    const spec = ZSweepSpec.parse(
      everyActivationPreset({
        kind: "generated",
        name: "spirals",
        samples: 600,
        noise: 0.1,
        classes: 2,
        seed: 1,
      }),
    );
    const configs = expandSweep(spec);
    expect(configs).toHaveLength(33);
    expect(new Set(configs.map((c) => c.activation))).toEqual(new Set([...COMPARISON_ACTIVATIONS]));
    expect(
      configs.some((c) => c.activation === "step") && configs.some((c) => c.activation === "linear"),
    ).toBe(true);
  });
});
