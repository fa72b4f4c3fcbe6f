import { countSweepRuns, ZSweepSpec } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { everyActivationPresetFor } from "./dataset-presets";

describe("everyActivationPresetFor", () => {
  it("compares every activation on MNIST with the network suggested for it", () => {
    const spec = ZSweepSpec.parse(everyActivationPresetFor("mnist"));
    expect(spec.base.dataset).toEqual({ kind: "builtin", name: "mnist" });
    expect(spec.base.hiddenLayers).toEqual([128, 64]);
    expect(countSweepRuns(spec)).toBe(33);
  });

  it("leaves a generator's preset on its generated data", () => {
    const spec = ZSweepSpec.parse(everyActivationPresetFor("moons"));
    expect(spec.base.dataset).toMatchObject({ kind: "generated", name: "moons" });
    expect(spec.base.hiddenLayers).toEqual([16, 16]);
  });
});
