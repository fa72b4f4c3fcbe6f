import { createTraining, generateDataset, ZGeneratedDatasetSpec, ZTrainConfig } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { readCheckpointWeights } from "./checkpoint-reads";
import { latestCheckpoint, saveCheckpoint } from "./checkpoints";
import { prisma } from "./client";
import { getMetricSummaries } from "./metric-summary";
import { queryMetricSeries } from "./metrics";
import { getRun, listRunsToReconcile, markRunStarted } from "./runs";
import { testDbForSuite } from "./test-db";
import { recordTraining } from "./training-records";

/** Two epochs of a small network, with the checkpoint and weights after each. */
function twoEpochs() {
  const dataset = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 64 });
  const config = ZTrainConfig.parse({ dataset, hiddenLayers: [8], activation: "tanh", epochs: 2 });
  const training = createTraining(config, generateDataset(dataset));
  const epochs: {
    epoch: number;
    step: number;
    bytes: Uint8Array;
    weights: ReturnType<typeof training.weights>;
  }[] = [];
  for (const e of training)
    if (e.type === "epoch")
      epochs.push({
        epoch: e.epoch,
        step: e.step,
        bytes: training.checkpoint(),
        weights: training.weights(),
      });
  return epochs;
}

describe("recordTraining", () => {
  const t = testDbForSuite();

  it("stores points, every epoch's checkpoint and the progress in one call, readable by the usual readers", async () => {
    const runId = await t.newRun();
    await markRunStarted(t.db, runId);
    const [first, second] = twoEpochs() as [ReturnType<typeof twoEpochs>[0], ReturnType<typeof twoEpochs>[0]];
    const before = Date.now();
    await recordTraining(t.db, runId, {
      points: [
        { key: "train/loss", step: first.step, value: 0.7, wallMs: 1 },
        { key: "train/loss", step: second.step, value: 0.5, wallMs: 2 },
      ],
      checkpoints: [first, second],
      progress: { epoch: 2, step: second.step, json: JSON.stringify({ epoch: 2 }) },
    });

    const [loss] = await queryMetricSeries(t.db, runId, ["train/loss"]);
    expect(loss?.values).toEqual([0.7, 0.5]);
    const [summary] = await getMetricSummaries(t.db, [runId], ["train/loss"]);
    expect(summary).toMatchObject({ count: 2, lastValue: 0.5, minValue: 0.5 });
    const bits = (w: typeof first.weights) => w.layers.flatMap((l) => [...l.W, ...l.b]);
    for (const e of [first, second])
      expect(
        bits((await readCheckpointWeights(t.db, runId, e.epoch))?.weights ?? ({ layers: [] } as never)),
      ).toEqual(bits(e.weights));
    const latest = await latestCheckpoint(t.db, runId);
    expect(latest && Buffer.from(latest.bytes).equals(Buffer.from(second.bytes))).toBe(true);

    const run = await getRun(t.db, runId);
    expect(run).toMatchObject({ epochsDone: 2, stepsDone: second.step, progress: '{"epoch":2}' });
    // Written in Prisma's own format: Prisma reads it back as the instant it was, and compares it right.
    expect(run?.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(run?.updatedAt.getTime()).toBeLessThanOrEqual(Date.now());
    const stale = await listRunsToReconcile(t.db, {
      queuedBefore: new Date(0),
      staleBefore: new Date(before - 1000),
    });
    expect(stale.map((r) => r.id)).not.toContain(runId);
    const later = await listRunsToReconcile(t.db, {
      queuedBefore: new Date(0),
      staleBefore: new Date(Date.now() + 1000),
    });
    expect(later.map((r) => r.id)).toContain(runId);
    const rows = await t.db[prisma].checkpoint.findMany({ where: { runId } });
    for (const row of rows) expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("keeps an epoch checkpoint's weights when a hand-back checkpoint at the same step carries none", async () => {
    const runId = await t.newRun();
    const [first] = twoEpochs() as [ReturnType<typeof twoEpochs>[0]];
    await recordTraining(t.db, runId, { points: [], checkpoints: [first] });
    await saveCheckpoint(t.db, {
      runId,
      epoch: first.epoch,
      step: first.step,
      bytes: new Uint8Array([1, 2, 3]),
    });

    expect([...((await latestCheckpoint(t.db, runId))?.bytes ?? [])]).toEqual([1, 2, 3]);
    expect((await readCheckpointWeights(t.db, runId, first.epoch))?.weights.layers[0]?.W).toEqual(
      first.weights.layers[0]?.W,
    );
  });
});
