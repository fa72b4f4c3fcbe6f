import { describe, expect, it } from "vitest";
import { tostEquivalence } from "./tost";
import { computeVerdict } from "./verdict";
import type { VerdictRun } from "./verdict-types";

let id = 0;
const run = (group: string, acc: number): VerdictRun => ({
  id: `w${id++}`,
  group,
  status: "COMPLETED",
  dataset: "spirals",
  summary: { final_val_acc: acc, final_val_loss: 1 - acc },
  metric: { steps: [10], values: [acc] },
  epochs: { steps: [10], values: [1] },
  epochSeconds: { steps: [10], values: [0.5] },
  deadFrac: [],
  gradRatio: null,
});

describe("verdict wording", () => {
  it("says a significant gap beats, with its size", () => {
    const v = computeVerdict({
      runs: [0.95, 0.96, 0.97]
        .map((a) => run("swish", a))
        .concat([0.8, 0.81, 0.82].map((a) => run("relu", a))),
    });
    expect(v.sentence).toMatch(/^swish beats relu on spirals by 15\.0 ± /);
  });

  it("calls a noisy gap not significant with N seeds, never indistinguishable, and says more seeds decide it", () => {
    const v = computeVerdict({
      runs: [0.9, 0.93, 0.91]
        .map((a) => run("relu", a))
        .concat([0.92, 0.89, 0.94].map((a) => run("swish", a))),
    });
    expect(v.sentence).toContain("not significant with 3 seeds");
    expect(v.sentence).toContain("equivalence within ±1 points is not shown");
    expect(v.sentence).toContain("more seeds would decide it");
    expect(v.sentence).not.toContain("indistinguishable");
  });

  it("claims equivalence only when TOST shows the gap inside the margin", () => {
    const a = [0.9, 0.9002, 0.9001, 0.8999, 0.9];
    const b = [0.9001, 0.9, 0.8999, 0.9002, 0.9];
    const v = computeVerdict({ runs: a.map((x) => run("relu", x)).concat(b.map((x) => run("elu", x))) });
    expect(v.sentence).toMatch(/are equivalent within ±1 points on spirals \(TOST p [<=]/);
    expect(v.margin).toBe(1);
  });

  it("TOST rejects equivalence for a gap larger than the margin", () => {
    const r = tostEquivalence([0.9, 0.91, 0.9], [0.8, 0.81, 0.8], 0.01);
    expect(r?.p).toBeGreaterThan(0.5);
  });
});
