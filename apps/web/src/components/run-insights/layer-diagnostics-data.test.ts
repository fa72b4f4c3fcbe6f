import { describe, expect, it } from "vitest";
import type { SeriesMap } from "@/lib/series";
import {
  diagLayers,
  epochLines,
  readGradNorms,
  readGradRatio,
  readLearned,
  readUnitShare,
} from "./layer-diagnostics-data";

const s = (steps: number[], values: (number | null)[]) => ({ steps, values });

describe("layer diagnostics", () => {
  const series: SeriesMap = {
    epoch: s([10, 20, 30], [1, 2, 3]),
    "diag/out/grad_norm": s([10, 20, 30], [0.5, 0.4, 0.3]),
    "diag/l2/grad_norm": s([10, 20, 30], [0.1, 0.05, 0.01]),
    "diag/l10/grad_norm": s([10, 20, 30], [0.2, 0.1, 0.05]),
    "diag/l1/grad_norm": s([10, 30], [0.01, 0.001]),
    "diag/l1/alpha": s([10, 20, 30], [0.25, 0.27, 0.31]),
    "diag/l2/mix/relu": s([10, 20, 30], [0.3, 0.4, 0.52]),
    "diag/l2/mix/tanh": s([10, 20, 30], [0.3, 0.25, 0.21]),
  };

  it("orders layers as the network does, output last", () => {
    expect(diagLayers(series)).toEqual(["l1", "l2", "l10", "out"]);
  });

  it("aligns measures on epochs, leaving gaps where a layer has no point", () => {
    const got = epochLines(series, [
      { name: "l1", key: "diag/l1/grad_norm" },
      { name: "out", key: "diag/out/grad_norm" },
    ]);
    expect(got.x).toEqual([1, 2, 3]);
    expect(got.lines[0]?.values).toEqual([0.01, null, 0.001]);
    expect(epochLines(series, [{ name: "l1 %", key: "diag/l1/alpha" }], 100).lines[0]?.values).toEqual([
      25, 27, 31,
    ]);
  });

  it("calls a first layer 10× or more below the output vanishing, and 10× above exploding", () => {
    expect(readGradRatio(1 / 240)).toBe(
      "Layer 1 gradients are 240× smaller than the output layer's: vanishing gradients.",
    );
    expect(readGradRatio(0.1)).toMatch(/10× smaller.*vanishing/);
    expect(readGradRatio(0.11)).toMatch(/flows through the whole stack/);
    expect(readGradRatio(12)).toMatch(/12× larger.*exploding/);
    expect(readGradRatio(0)).toMatch(/no gradient at all/);
    expect(readGradRatio(null)).toMatch(/No gradient ratio/);
  });

  it("reports the weakest and strongest layer's gradient, or a layer that gets none", () => {
    expect(
      readGradNorms([
        { layer: "l1", value: 2e-4 },
        { layer: "out", value: 0.05 },
      ]),
    ).toBe("Smallest gradients in layer 1 (2.0e-4), largest in the output layer (0.0500): a 250× spread.");
    expect(
      readGradNorms([
        { layer: "l1", value: 0 },
        { layer: "out", value: 0.05 },
      ]),
    ).toBe("Layer 1 gets no gradient at all: nothing there learns.");
    const silent = [
      { layer: "l1", value: 0 },
      { layer: "l2", value: 0 },
      { layer: "out", value: 0 },
    ];
    expect(readGradNorms(silent)).toBe(
      "Layer 1, layer 2 and the output layer get no gradient at all: nothing there learns.",
    );
  });

  it("names a layer once 10% of its units are dead, and only hints below that", () => {
    const dead = (v: number) =>
      readUnitShare("dead", [
        { layer: "l1", value: 0 },
        { layer: "l2", value: v },
      ]);
    expect(dead(0.38)).toBe("38% of layer 2's units are dead (no gradient reaches them).");
    expect(dead(0.1)).toMatch(/^10% of layer 2's units are dead/);
    expect(dead(0.05)).toBe("A few dead units: at most 5% in layer 2.");
    expect(dead(0)).toBe("No dead units in any layer.");
    expect(readUnitShare("saturated", [{ layer: "l1", value: 0.5 }])).toMatch(
      /50% of layer 1's units are saturated/,
    );
  });

  it("says which base a mix leans on and how far α moved", () => {
    expect(readLearned(series)).toBe("Layer 2 leans on relu (0.52 vs tanh 0.21); layer 1 α 0.250 → 0.310.");
    expect(readLearned({})).toBe("");
  });
});
