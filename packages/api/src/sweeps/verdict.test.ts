import type { TrainConfigInput } from "@actlab/core";
import { appendMetrics, createSweep, finishRun, type MetricPoint } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";

const base: TrainConfigInput = {
  dataset: { kind: "generated", name: "spirals" },
  hiddenLayers: [8, 8],
  activation: "relu",
  epochs: 4,
};

/** What the worker writes per epoch (steps 10, 20, …): val/acc, val/loss, epoch, time/epoch_s and diagnostics. */
function epochPoints(curve: number[], diag: { dead: [number, number]; ratio: number }): MetricPoint[] {
  return curve.flatMap((acc, i) => {
    const step = (i + 1) * 10;
    return [
      { key: "val/acc", step, value: acc, wallMs: step },
      { key: "val/loss", step, value: 1 - acc, wallMs: step },
      { key: "train/loss", step, value: 1 - acc, wallMs: step },
      { key: "epoch", step, value: i + 1, wallMs: step },
      { key: "time/epoch_s", step, value: 0.25, wallMs: step },
      { key: "diag/l1/dead_frac", step, value: diag.dead[0], wallMs: step },
      { key: "diag/l2/dead_frac", step, value: diag.dead[1], wallMs: step },
      { key: "diag/out/dead_frac", step, value: 0.9, wallMs: step }, // the output layer is not a hidden layer
      { key: "diag/grad_ratio", step, value: diag.ratio, wallMs: step },
    ];
  });
}

const CURVES: Record<string, number[][]> = {
  tanh: [
    [0.7, 0.9, 0.95, 0.96],
    [0.7, 0.9, 0.95, 0.97],
    [0.7, 0.9, 0.95, 0.98],
  ],
  relu: [
    [0.6, 0.8, 0.85, 0.9],
    [0.6, 0.8, 0.85, 0.91],
    [0.6, 0.8, 0.85, 0.92],
  ],
  sigmoid: [
    [0.5, 0.5, 0.5, 0.5],
    [0.5, 0.5, 0.5, 0.52],
    [0.5, 0.5, 0.5, 0.54],
  ],
};

describe("sweeps.verdict", () => {
  const api = testApiForSuite();
  let sweepId: string;
  beforeAll(async () => {
    const created = await api.caller().sweeps.create({
      spec: { base, axes: { activation: ["relu", "tanh", "sigmoid"] }, seeds: 3 },
    });
    sweepId = created.id;
    const sweep = await api.caller().sweeps.get({ sweepId });
    const seen: Record<string, number> = {};
    for (const run of sweep.runs) {
      const k = seen[run.activation] ?? 0;
      seen[run.activation] = k + 1;
      const curve = CURVES[run.activation]?.[k] as number[];
      const sigmoid = run.activation === "sigmoid";
      await appendMetrics(
        api.db,
        run.id,
        epochPoints(curve, { dead: sigmoid ? [0.5, 0.7] : [0, 0.1], ratio: sigmoid ? 0.002 : 0.8 }),
      );
      // A non-finite last diagnostic (stored as null) must not hide the last finite one.
      if (sigmoid)
        await appendMetrics(api.db, run.id, [
          { key: "diag/grad_ratio", step: 50, value: Number.NaN, wallMs: 50 },
        ]);
      const final = curve[curve.length - 1] as number;
      await finishRun(api.db, run.id, {
        status: "COMPLETED",
        summary: { final_val_acc: final, final_val_loss: 1 - final, epochs_run: 4 },
      });
    }
  });

  it("ranks the activations from the stored metrics and says which wins", async () => {
    const v = await api.caller().sweeps.verdict({ sweepId });
    expect(v.groups.map((g) => [g.group, g.rank, g.n])).toEqual([
      ["tanh", 1, 3],
      ["relu", 2, 3],
      ["sigmoid", 3, 3],
    ]);
    expect(v.target).toBe(0.92); // round(0.95 × 0.97, 2)
    const [tanh, relu, sigmoid] = v.groups;
    expect(tanh?.target).toEqual({ reached: 3, of: 3, epochs: 3, seconds: 0.75 });
    expect(relu?.target).toMatchObject({ reached: 1, of: 3, epochs: 4, seconds: 1 });
    expect(relu?.vsBest?.diffPoints).toBeCloseTo(-6, 10);
    expect(relu?.vsBest?.p).toBeLessThan(0.05);
    expect(sigmoid?.deadPct).toBeCloseTo(60, 10); // l1 and l2 only, not the output layer
    expect(sigmoid?.gradRatio).toBeCloseTo(0.002, 12);
    expect(tanh?.secondsPerEpoch).toBe(0.25);
    expect(v.sentence).toMatch(
      /^tanh beats all 2 others on spirals; the closest, relu, by 6\.0 ± 0\.8 points \(p = /,
    );
    expect(v.sentence).toMatch(/sigmoid's first-layer gradients are 500× smaller than its last layer's\.$/);
    expect(v.groupKeys.find((k) => k.key === "activation")?.distinct).toBe(3);
    expect(v.pooled).toBe(false);
  });

  it("takes a target and groups by another param", async () => {
    const byTarget = await api.caller().sweeps.verdict({ sweepId, target: 0.5 });
    expect(byTarget.groups.find((g) => g.group === "sigmoid")?.target).toMatchObject({
      reached: 3,
      epochs: 1,
    });
    const bySeed = await api.caller().sweeps.verdict({ sweepId, groupBy: "seed" });
    expect(bySeed.groupBy).toBe("seed");
    expect(bySeed.groups.every((g) => g.group.startsWith("seed=") && g.n === 3)).toBe(true);
    // Each seed group pools three activations: its n counts runs, and the sentence says so.
    expect(bySeed.pooled).toBe(true);
    expect(bySeed.sentence).toMatch(/with 3 runs/);
  });

  it("uses the last finite diagnostic when a run ends on a non-finite point", async () => {
    const v = await api.caller().sweeps.verdict({ sweepId });
    expect(v.groups.find((g) => g.group === "sigmoid")?.gradRatio).toBeCloseTo(0.002, 12);
  });

  it("refuses an unknown group key and an out-of-range target with readable messages", async () => {
    await expect(api.caller().sweeps.verdict({ sweepId, groupBy: "colour" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/no param "colour" \(try activation/),
    });
    await expect(api.caller().sweeps.verdict({ sweepId, target: 92 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/target accuracy must be ≤ 1/),
    });
  });

  it("is NOT_FOUND for an unknown sweep and for another project's sweep", async () => {
    await expect(api.caller().sweeps.verdict({ sweepId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const other = await prismaForTests(api.db).workspace.create({
      data: { slug: "other", name: "Other", projects: { create: { slug: "p", name: "P" } } },
      include: { projects: true },
    });
    const foreign = await createSweep(api.db, {
      projectId: other.projects[0]?.id as string,
      name: "theirs",
      spec: {},
      configs: [],
    });
    await expect(api.caller().sweeps.verdict({ sweepId: foreign.sweepId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("says nothing has finished on a sweep that only just started", async () => {
    const { id } = await api
      .caller()
      .sweeps.create({ spec: { base, axes: { activation: ["elu"] }, seeds: 2 } });
    const v = await api.caller().sweeps.verdict({ sweepId: id });
    expect(v.groups).toMatchObject([{ group: "elu", rank: null, n: 0, pending: 2 }]);
    expect(v.sentence).toBe("No run has finished yet: the verdict appears as seeds complete.");
  });
});
