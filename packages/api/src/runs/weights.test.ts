import {
  createTraining,
  generateDataset,
  modelFromWeights,
  type TrainConfig,
  ZGeneratedDatasetSpec,
  ZTrainConfig,
} from "@actlab/core";
import { saveCheckpoint } from "@actlab/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApiForSuite } from "../test-api";

const dataset = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 120 });
const config: TrainConfig = ZTrainConfig.parse({
  dataset,
  hiddenLayers: [6],
  activation: "prelu",
  epochs: 2,
});

/** Trains `config` in-process and saves each epoch's checkpoint with its weights, as the worker does. */
async function trainAndSave(api: TestApi, runId: string) {
  const training = createTraining(config, generateDataset(dataset));
  for (const event of training) {
    if (event.type !== "epoch") continue;
    const bytes = training.checkpoint();
    await saveCheckpoint(api.db, {
      runId,
      epoch: event.epoch,
      step: event.step,
      bytes,
      weights: training.weights(),
    });
  }
  return training.weights();
}

describe("runs.checkpoints and runs.weights", () => {
  const api = testApiForSuite();
  let runId: string;
  let trained: Awaited<ReturnType<typeof trainAndSave>>;
  beforeAll(async () => {
    ({ id: runId } = await api.caller().runs.create({ config }));
  });

  it("lists no epochs before training and every saved epoch after", async () => {
    expect(await api.caller().runs.checkpoints({ runId })).toEqual({ runId, epochs: [] });
    trained = await trainAndSave(api, runId);
    const { epochs } = await api.caller().runs.checkpoints({ runId });
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
  });

  it("returns an epoch's weights that predict exactly like the trainer's own", async () => {
    const final = await api.caller().runs.weights({ runId, epoch: 2 });
    expect(final.epoch).toBe(2);
    expect(final.weights.layers.map((l) => [l.inputs, l.units])).toEqual([
      [2, 6],
      [6, 2],
    ]);
    expect(final.weights.layers[0]?.activationParams).toHaveLength(1); // prelu's learned α
    const x = new Float32Array([0.5, -0.25, -1, 1]);
    const ours = modelFromWeights(final.weights).predict(x, 2);
    expect(Array.from(ours)).toEqual(Array.from(modelFromWeights(trained).predict(x, 2)));
    // Each epoch is its own model: epoch 1's weights predict differently.
    const { weights: first } = await api.caller().runs.weights({ runId, epoch: 1 });
    expect(Array.from(ours)).not.toEqual(Array.from(modelFromWeights(first).predict(x, 2)));
  });

  it("returns the newest saved epoch's weights when asked for the newest, as a live page follows it", async () => {
    const newest = await api.caller().runs.weights({ runId, epoch: "newest" });
    expect(newest).toEqual(await api.caller().runs.weights({ runId, epoch: 2 }));
    const { id: fresh } = await api.caller().runs.create({ config });
    await expect(api.caller().runs.weights({ runId: fresh, epoch: "newest" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `run ${fresh} has saved no weights yet`,
    });
  });

  it("answers NOT_FOUND for an unknown run and for an epoch without weights", async () => {
    await expect(api.caller().runs.checkpoints({ runId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.caller().runs.weights({ runId: "nope", epoch: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.caller().runs.weights({ runId, epoch: 9 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `run ${runId} saved no weights at epoch 9`,
    });
  });

  it("refuses a malformed epoch with a readable message", async () => {
    await expect(api.caller().runs.weights({ runId, epoch: 1.5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("epoch must be a whole number"),
    });
    await expect(api.caller().runs.weights({ runId, epoch: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      api.caller().runs.weights({ runId, epoch: "latest" as unknown as number }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("a whole number ≥ 0 or"),
    });
  });

  it("refuses stored weights that are not finite or whose shapes do not chain", async () => {
    const good = await trainAndSave(api, (await api.caller().runs.create({ config })).id);
    const { id: badRun } = await api.caller().runs.create({ config });
    const bytes = new Uint8Array(4);
    const diverged = { ...good, layers: good.layers.map((l) => ({ ...l, W: l.W.map(() => Number.NaN) })) };
    await saveCheckpoint(api.db, { runId: badRun, epoch: 1, step: 5, bytes, weights: diverged });
    await expect(api.caller().runs.weights({ runId: badRun, epoch: 1 })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringContaining("did the run diverge?"),
    });
    const [l1, l2] = good.layers;
    if (!l1 || !l2) throw new Error("the model has two layers");
    const broken = { ...good, layers: [l1, { ...l2, inputs: 5, W: new Array(10).fill(0) }] };
    await saveCheckpoint(api.db, { runId: badRun, epoch: 2, step: 10, bytes, weights: broken });
    await expect(api.caller().runs.weights({ runId: badRun, epoch: 2 })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringContaining("layer 1 takes 5 inputs but layer 0 has 6 units"),
    });
  });
});
