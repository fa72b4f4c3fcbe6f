import { ZTrainConfig } from "@actlab/core";
import { beforeAll, describe, expect, it } from "vitest";
import { appendMetrics } from "./metrics";
import { finishRun, markRunStarted, resetRunForRetry } from "./runs";
import { createSweep } from "./sweeps";
import { testDbForSuite } from "./test-db";
import { readVerdictData } from "./verdict-data";

const config = (hiddenLayers: number[], seed: number) =>
  ZTrainConfig.parse({
    dataset: { kind: "generated", name: "moons" },
    hiddenLayers,
    activation: "tanh",
    seed,
  });

describe("readVerdictData", () => {
  const t = testDbForSuite();
  let sweepId: string;
  let deep: string;
  let shallow: string;
  beforeAll(async () => {
    const created = await createSweep(t.db, {
      projectId: t.projectId,
      name: "s",
      spec: {},
      configs: [config([8, 8, 8], 0), config([8], 1)],
    });
    sweepId = created.sweepId;
    [deep, shallow] = created.runIds as [string, string];
    await appendMetrics(t.db, deep, [
      { key: "val/acc", step: 20, value: 0.8, wallMs: 1 },
      { key: "val/acc", step: 10, value: 0.6, wallMs: 1 },
      { key: "epoch", step: 10, value: 1, wallMs: 1 },
      { key: "train/batch_loss", step: 10, value: 0.3, wallMs: 1 },
      { key: "diag/l3/dead_frac", step: 10, value: 0.25, wallMs: 1 },
      { key: "diag/l3/dead_frac", step: 20, value: Number.NaN, wallMs: 1 },
      { key: "diag/out/dead_frac", step: 20, value: 0.9, wallMs: 1 },
      { key: "diag/grad_ratio", step: 20, value: 0.01, wallMs: 1 },
    ]);
    await appendMetrics(t.db, shallow, [{ key: "diag/l3/dead_frac", step: 10, value: 0.5, wallMs: 1 }]);
    await finishRun(t.db, deep, { status: "COMPLETED", summary: { final_val_acc: 0.8 } });
  });

  it("reads the wanted series in step order, params, and the last finite diagnostics of each run's own hidden layers", async () => {
    const data = await readVerdictData(t.db, sweepId, t.projectId);
    const d = data?.runs.find((r) => r.id === deep);
    expect(d?.series["val/acc"]).toEqual({ steps: [10, 20], values: [0.6, 0.8] });
    expect(d?.series["time/epoch_s"]).toEqual({ steps: [], values: [] });
    expect(Object.keys(d?.series ?? {}).sort()).toEqual(["epoch", "time/epoch_s", "val/acc"]);
    expect(d?.deadFrac).toEqual([null, null, 0.25]);
    expect(d?.gradRatio).toBe(0.01);
    expect(d?.summary).toEqual({ final_val_acc: 0.8 });
    expect(d?.params.activation).toBe("tanh");
    expect(d?.params.hiddenLayers).toBe("8-8-8");
    // One hidden layer: its l3 point (which no real run writes) is not one of its layers.
    expect(data?.runs.find((r) => r.id === shallow)?.deadFrac).toEqual([null]);
  });

  it("is null for another project's sweep or an unknown one", async () => {
    expect(await readVerdictData(t.db, sweepId, "someone-else")).toBeNull();
    expect(await readVerdictData(t.db, "nope", t.projectId)).toBeNull();
  });

  it("sees new points of a running run, and re-reads a finished run that was retried", async () => {
    await markRunStarted(t.db, shallow);
    await readVerdictData(t.db, sweepId, t.projectId);
    await appendMetrics(t.db, shallow, [{ key: "val/acc", step: 10, value: 0.7, wallMs: 1 }]);
    expect(
      (await readVerdictData(t.db, sweepId, t.projectId))?.runs.find((r) => r.id === shallow)?.series[
        "val/acc"
      ]?.values,
    ).toEqual([0.7]);

    await resetRunForRetry(t.db, deep);
    await appendMetrics(t.db, deep, [{ key: "val/acc", step: 10, value: 0.55, wallMs: 1 }]);
    const again = (await readVerdictData(t.db, sweepId, t.projectId))?.runs.find((r) => r.id === deep);
    expect(again?.status).toBe("QUEUED");
    expect(again?.series["val/acc"]?.values).toEqual([0.55]);
  });
});
