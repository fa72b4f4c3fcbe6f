import type { RunStatus } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { computeVerdict } from "./verdict";
import type { VerdictRun } from "./verdict-types";

let nextId = 0;
/** A run with one val/acc point per epoch (steps 10, 20, …), 0.5 s per epoch. */
function run(
  group: string,
  curve: number[],
  extra: Partial<VerdictRun> & { status?: RunStatus; loss?: number } = {},
): VerdictRun {
  const steps = curve.map((_, i) => (i + 1) * 10);
  const final = curve[curve.length - 1];
  return {
    id: `r${nextId++}`,
    group,
    status: "COMPLETED",
    dataset: "spirals",
    summary: final === undefined ? null : { final_val_acc: final, final_val_loss: extra.loss ?? 1 - final },
    metric: { steps, values: curve },
    epochs: { steps, values: curve.map((_, i) => i + 1) },
    epochSeconds: { steps, values: curve.map(() => 0.5) },
    deadFrac: [0.1, 0.2],
    gradRatio: 0.5,
    ...extra,
  };
}

const clearWinner = [
  run("swish", [0.7, 0.9, 0.94, 0.95]),
  run("swish", [0.7, 0.92, 0.95, 0.96]),
  run("swish", [0.8, 0.93, 0.96, 0.97]),
  run("relu", [0.6, 0.8, 0.88, 0.9]),
  run("relu", [0.6, 0.8, 0.9, 0.91]),
  run("relu", [0.7, 0.85, 0.91, 0.92]),
  run("sigmoid", [0.5, 0.55, 0.58, 0.6], { gradRatio: 1 / 300 }),
  run("sigmoid", [0.5, 0.55, 0.58, 0.62], { gradRatio: 1 / 300 }),
  run("sigmoid", [0.5, 0.55, 0.58, 0.64], { gradRatio: 1 / 300 }),
];

describe("computeVerdict", () => {
  it("ranks groups by mean final accuracy and tests each against the best", () => {
    const v = computeVerdict({ runs: clearWinner });
    expect(v.groups.map((g) => [g.group, g.rank, g.n])).toEqual([
      ["swish", 1, 3],
      ["relu", 2, 3],
      ["sigmoid", 3, 3],
    ]);
    const [swish, relu, sigmoid] = v.groups;
    expect(swish?.finalAcc.mean).toBeCloseTo(0.96, 12);
    expect(swish?.finalAcc.std).toBeCloseTo(0.01, 12);
    expect(swish?.finalLoss.mean).toBeCloseTo(0.04, 12);
    expect(swish?.vsBest).toBeNull();
    expect(relu?.vsBest?.diffPoints).toBeCloseTo(-5, 10);
    expect(relu?.vsBest?.sePoints).toBeCloseTo(Math.sqrt((2 * 0.0001) / 3) * 100, 10);
    expect(relu?.vsBest?.p).toBeCloseTo(0.003602232609104033, 9); // scipy ttest_ind(equal_var=False)
    expect(relu?.vsBest?.df).toBeCloseTo(4, 10);
    // Holm: the smallest of the two raw p-values is doubled (two comparisons with the best).
    expect(sigmoid?.vsBest?.pRaw).toBeCloseTo(0.00013808409732844805, 9);
    expect(sigmoid?.vsBest?.p).toBeCloseTo(2 * 0.00013808409732844805, 9);
    expect(sigmoid?.gradRatio).toBeCloseTo(1 / 300, 12);
    expect(v.best).toBe("swish");
  });

  it("defaults the target to 95% of the best mean and measures epochs and seconds to reach it", () => {
    const v = computeVerdict({ runs: clearWinner });
    expect(v.target).toBe(0.91); // round(0.95 × 0.96, 2)
    expect(v.targetIsDefault).toBe(true);
    const [swish, relu, sigmoid] = v.groups;
    expect(swish?.target).toEqual({ reached: 3, of: 3, epochs: 7 / 3, seconds: 3.5 / 3 });
    expect(relu?.target).toEqual({ reached: 2, of: 3, epochs: 3.5, seconds: 1.75 });
    expect(sigmoid?.target).toEqual({ reached: 0, of: 3, epochs: null, seconds: null });
    expect(swish?.secondsPerEpoch).toBe(0.5);
    expect(swish?.deadPct).toBeCloseTo(15, 12);
  });

  it("uses a given target", () => {
    const v = computeVerdict({ runs: clearWinner }, { target: 0.6 });
    expect(v.target).toBe(0.6);
    expect(v.targetIsDefault).toBe(false);
    expect(v.groups[2]?.target.reached).toBe(3);
    expect(v.groups[2]?.target.epochs).toBe(4);
  });

  it("says who wins, by how much, how sure, and names vanishing gradients", () => {
    const { sentence } = computeVerdict({ runs: clearWinner });
    expect(sentence).toBe(
      "swish beats all 2 others on spirals; the closest, relu, by 5.0 ± 0.8 points (p = 0.0036, 3 seeds); " +
        "sigmoid's first-layer gradients are 300× smaller than its last layer's.",
    );
  });

  it("calls a difference inside the noise not significant rather than equal", () => {
    const v = computeVerdict({
      runs: [
        run("relu", [0.9]),
        run("relu", [0.93]),
        run("relu", [0.91]),
        run("swish", [0.92]),
        run("swish", [0.89]),
        run("swish", [0.94]),
      ],
    });
    expect(v.groups.map((g) => g.group)).toEqual(["swish", "relu"]);
    expect(v.groups[1]?.vsBest?.p).toBeCloseTo(0.8559928237115091, 9);
    expect(v.sentence).not.toContain("indistinguishable");
    expect(v.sentence).toMatch(/not significant with|equivalent within ±1 points/);
  });

  it("when accuracy ties at the ceiling, ranks by final loss and says who gets there fastest", () => {
    const v = computeVerdict({
      runs: [
        ...[0, 1, 2].map(() => run("sigmoid", [0.6, 0.8, 0.9, 0.96, 1, 1, 1, 1], { loss: 0.02 })),
        ...[0, 1, 2].map(() => run("relu", [0.9, 1, 1, 1, 1, 1, 1, 1], { loss: 0.001 })),
        ...[0, 1, 2].map(() => run("elu", [0.8, 0.97, 1, 1, 1, 1, 1, 1], { loss: 0.004 })),
      ],
    });
    expect(v.groups.map((g) => g.group)).toEqual(["relu", "elu", "sigmoid"]);
    expect(v.target).toBe(0.95);
    expect(v.groups.map((g) => g.target.epochs)).toEqual([2, 2, 4]);
    expect(v.sentence).not.toContain("indistinguishable");
    expect(v.sentence).toMatch(/not significant with|equivalent within ±1 points/);
  });

  it("says nothing of speed when the tied groups reach the target about as fast", () => {
    const v = computeVerdict({
      runs: [
        ...[0, 1, 2].map(() => run("relu", [0.9, 1, 1])),
        ...[0, 1, 2].map(() => run("elu", [0.8, 0.97, 1])),
      ],
    });
    expect(v.sentence).not.toContain("indistinguishable");
    expect(v.sentence).toMatch(/not significant with|equivalent within ±1 points/);
  });

  it("leaves diverged seeds out of the accuracy and reports them first", () => {
    const v = computeVerdict({
      runs: [
        run("relu", [0.9]),
        run("relu", [0.92]),
        run("tanh", [0.95]),
        run("tanh", [0.5, Number.NaN], { status: "DIVERGED", summary: { final_val_acc: 0.5 } }),
        run("tanh", [0.4], { status: "DIVERGED" }),
        run("tanh", [0.99], { status: "FAILED" }),
        run("tanh", [], { status: "RUNNING", summary: null }),
        run("gelu", [0.3], { status: "DIVERGED", gradRatio: 1e-6 }),
      ],
    });
    const tanh = v.groups.find((g) => g.group === "tanh");
    expect(tanh).toMatchObject({ rank: 1, n: 1, diverged: 2, excluded: 1, pending: 1 });
    expect(tanh?.finalAcc.values).toEqual([0.95]);
    expect(v.groups.find((g) => g.group === "gelu")).toMatchObject({
      rank: null,
      n: 0,
      diverged: 1,
      vsBest: null,
    });
    expect(v.groups.map((g) => g.group)).toEqual(["tanh", "relu", "gelu"]);
    expect(v.groups[1]?.vsBest?.p).toBeNull(); // one tanh seed: no test
    expect(v.finishedRuns).toBe(6);
    expect(v.pendingRuns).toBe(1);
    expect(v.sentence).toBe(
      "tanh leads relu on spirals by 4.0 points, but with 1–2 seeds that is not evidence yet; gelu diverged in 1 of 1 runs.",
    );
  });

  it("mentions dead units when nothing worse happened", () => {
    const v = computeVerdict({
      runs: [run("relu", [0.9], { deadFrac: [0.5, 0.3] }), run("relu", [0.92], { deadFrac: [0.4, 0.4] })],
    });
    expect(v.groups[0]?.deadPct).toBeCloseTo(40, 12);
    expect(v.sentence).toBe(
      "relu reaches 91.0 ± 1.4% on spirals (2 seeds); there is nothing to compare it with yet; 40% of relu's hidden units are dead.",
    );
  });

  it("says so when nothing has finished", () => {
    const pending = computeVerdict({ runs: [run("relu", [], { status: "QUEUED", summary: null })] });
    expect(pending.groups[0]?.rank).toBeNull();
    expect(pending.target).toBeNull();
    expect(pending.sentence).toBe("No run has finished yet: the verdict appears as seeds complete.");
    expect(computeVerdict({ runs: [] }).sentence).toBe("This sweep has no runs.");
    const lost = computeVerdict({
      runs: [
        run("relu", [0.5], { status: "DIVERGED" }),
        run("relu", [0.5], { status: "FAILED" }),
        run("tanh", [], { status: "RUNNING", summary: null }),
      ],
    });
    expect(lost.sentence).toBe(
      "No run has completed (1 diverged, 1 failed or were canceled, 1 still to run), so nothing can be ranked yet; relu diverged in 1 of 1 runs.",
    );
  });

  it("omits the dataset when runs span several", () => {
    const v = computeVerdict({ runs: [run("relu", [0.9]), run("tanh", [0.8], { dataset: "moons" })] });
    expect(v.dataset).toBeNull();
    expect(v.sentence.startsWith("relu leads tanh by 10.0 points")).toBe(true);
  });

  it("rejects a target outside (0, 1] with a readable message", () => {
    expect(() => computeVerdict({ runs: [] }, { target: 91 })).toThrow(/target accuracy must be ≤ 1/);
  });
});

describe("computeVerdict sentence with many groups", () => {
  it("shortens a long tie and names the groups that are significantly worse", () => {
    const noisy = (g: string, base: number) => [run(g, [base]), run(g, [base + 0.03]), run(g, [base - 0.03])];
    const v = computeVerdict({
      runs: [
        ...noisy("gelu", 0.88),
        ...noisy("elu", 0.875),
        ...noisy("swish", 0.874),
        ...noisy("mish", 0.872),
        ...noisy("relu", 0.87),
        run("tanh", [0.6]),
        run("tanh", [0.61]),
        run("tanh", [0.62]),
        run("sigmoid", [0.5]),
        run("sigmoid", [0.52]),
        run("sigmoid", [0.51]),
      ],
    });
    expect(v.sentence).not.toContain("indistinguishable");
    expect(v.sentence).toMatch(/not significant with|equivalent within ±1 points/);
  });
});

describe("computeVerdict edge cases seen on real sweeps", () => {
  it("puts the group that diverged less first on an exact tie, and prefers a 500× gradient gap to one divergence", () => {
    const v = computeVerdict({
      runs: [
        run("leaky_relu", [1]),
        run("leaky_relu", [1]),
        run("leaky_relu", [0.5], { status: "DIVERGED" }),
        run("relu", [1]),
        run("relu", [1]),
        run("relu", [1]),
        run("sigmoid", [0.5], { gradRatio: 0.002 }),
        run("sigmoid", [0.5], { gradRatio: 0.002 }),
      ],
    });
    expect(v.groups.map((g) => g.group)).toEqual(["relu", "leaky_relu", "sigmoid"]);
    expect(v.groups[1]?.vsBest?.p).toBe(1); // identical seeds: the limit of the test
    expect(v.sentence).not.toContain("indistinguishable");
    expect(v.sentence).toMatch(/not significant with|equivalent within ±1 points/);
  });
});

describe("computeVerdict pooling", () => {
  it("counts runs, not seeds, when a group pools several configs", () => {
    const v = computeVerdict({
      runs: [
        run("relu", [0.9], { configKey: "lr=0.1" }),
        run("relu", [0.92], { configKey: "lr=0.01" }),
        run("tanh", [0.9], { configKey: "lr=0.1" }),
        run("tanh", [0.91], { configKey: "lr=0.01" }),
      ],
    });
    expect(v.pooled).toBe(true);
    expect(v.sentence).toContain("with 2 runs");
    expect(computeVerdict({ runs: [run("relu", [0.9]), run("relu", [0.92])] }).pooled).toBe(false);
  });
});

describe("computeVerdict when nothing separates the groups", () => {
  it("names all of them as a whole instead of listing them", () => {
    const noisy = (g: string, base: number) => [run(g, [base]), run(g, [base + 0.04]), run(g, [base - 0.04])];
    const v = computeVerdict({
      runs: [...noisy("relu", 0.9), ...noisy("tanh", 0.89), ...noisy("elu", 0.895)],
    });
    expect(v.sentence).not.toContain("indistinguishable");
    expect(v.sentence).toMatch(/not significant with|equivalent within ±1 points/);
    const byLr = computeVerdict({
      runs: [...noisy("0.1", 0.9), ...noisy("0.01", 0.89), ...noisy("0.5", 0.9)],
      groupBy: "lr",
    });
    expect(byLr.sentence).not.toContain("indistinguishable");
    expect(byLr.sentence).toMatch(/not significant with|equivalent within ±1 points/);
  });
});
