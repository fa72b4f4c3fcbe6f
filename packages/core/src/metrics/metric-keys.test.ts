import { describe, expect, it } from "vitest";
import { DIAG_STAT, diagKey, diagLayerName, METRIC, parseDiagKey } from "./metric-keys";

describe("metric keys", () => {
  it("keeps the stored strings", () => {
    expect(METRIC.valAcc).toBe("val/acc");
    expect(METRIC.epochSeconds).toBe("time/epoch_s");
    expect(diagKey(diagLayerName(0, 3), DIAG_STAT.deadFrac)).toBe("diag/l1/dead_frac");
    expect(diagKey(diagLayerName(2, 3), DIAG_STAT.gradNorm)).toBe("diag/out/grad_norm");
  });

  it("reads a per-layer key back, a learned mix weight's slash included", () => {
    expect(parseDiagKey("diag/l12/dead_frac")).toEqual({ layer: "l12", hidden: 12, stat: "dead_frac" });
    expect(parseDiagKey("diag/out/act_std")).toEqual({ layer: "out", hidden: null, stat: "act_std" });
    expect(parseDiagKey("diag/l2/mix/relu")).toEqual({ layer: "l2", hidden: 2, stat: "mix/relu" });
  });

  it("reads no layer out of the network-wide ratio or other keys", () => {
    expect(parseDiagKey(METRIC.gradRatio)).toBeNull();
    expect(parseDiagKey("val/acc")).toBeNull();
    expect(parseDiagKey("diag/x1/grad_norm")).toBeNull();
  });
});
