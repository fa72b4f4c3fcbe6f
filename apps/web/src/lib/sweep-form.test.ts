import { describe, expect, it } from "vitest";
import { DEFAULT_SWEEP, previewRunCount, sweepFormToSpec, validateSweepForm } from "./sweep-form";

describe("sweep form", () => {
  it("defaults to every comparison activation × 3 seeds", () => {
    expect(validateSweepForm(DEFAULT_SWEEP)).toEqual({});
    expect(previewRunCount(DEFAULT_SWEEP)).toBe(33);
  });

  it("crosses learning rates and layer variants", () => {
    const v = {
      ...DEFAULT_SWEEP,
      activations: ["relu", "tanh"],
      lrs: "0.1, 0.01",
      layers: "16, 16; 32",
      seeds: "2",
    };
    expect(previewRunCount(v)).toBe(16);
    expect(sweepFormToSpec(v).axes?.hiddenLayers).toEqual([[16, 16], [32]]);
  });

  it("asks to confirm a large sweep and names the field", () => {
    const v = { ...DEFAULT_SWEEP, lrs: "0.1, 0.03, 0.01, 0.003, 0.001", seeds: "5" };
    expect(previewRunCount(v)).toBe(275);
    expect(validateSweepForm(v).confirmed).toMatch(/275 runs: confirm/);
    expect(validateSweepForm({ ...v, confirmed: true })).toEqual({});
  });

  it("refuses, rather than offers to confirm, a sweep past the runs-per-sweep budget", () => {
    const v = { ...DEFAULT_SWEEP, lrs: "0.3, 0.1, 0.03, 0.01, 0.003, 0.001", seeds: "10", confirmed: true };
    expect(previewRunCount(v)).toBe(660);
    const errors = validateSweepForm(v);
    expect(Object.values(errors).join(" ")).toMatch(/660 runs; the limit is 500/);
    expect(Object.values(errors).join(" ")).not.toMatch(/confirm/);
  });

  it("refuses an empty activation list and a bad learning rate", () => {
    const errors = validateSweepForm({ ...DEFAULT_SWEEP, activations: [], lrs: "0.1, -2" });
    expect(errors.activations).toMatch(/at least one value/);
    expect(errors.lrs).toBeDefined();
  });
});
