import { type SavedModel, type TrainConfig, ZTrainConfig } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { activationUsage, listCheckpointEpochs, readCheckpointWeights } from "./checkpoint-reads";
import { saveCheckpoint } from "./checkpoints";
import { createRun, finishRun } from "./runs";
import { testDbForSuite } from "./test-db";
import { ensureLocalWorkspace } from "./workspace";

const configFor = (activation: string, seed = 0): TrainConfig =>
  ZTrainConfig.parse({
    dataset: { kind: "generated", name: "xor" },
    hiddenLayers: [4],
    activation,
    seed,
  });
/** A one-layer model whose single weight tells the saves apart. */
const modelAt = (w: number): SavedModel => ({
  activation: { ...ZTrainConfig.shape.activationOptions.parse(undefined), name: "relu" },
  numClasses: 2,
  standardizer: null,
  layers: [{ inputs: 1, units: 1, W: [w], b: [0], activationParams: [] }],
});
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("checkpoint reads", () => {
  const t = testDbForSuite();

  it("lists epochs that kept weights, each at the step where it ended, in epoch order", async () => {
    const { id } = await createRun(t.db, { projectId: t.projectId, config: configFor("relu") });
    const bytes = new Uint8Array([1, 2, 3]);
    await saveCheckpoint(t.db, { runId: id, epoch: 2, step: 20, bytes, weights: modelAt(20) });
    await saveCheckpoint(t.db, { runId: id, epoch: 1, step: 10, bytes, weights: modelAt(10) });
    // Mid-epoch 3 saves still say epoch 2: a hand-back (no weights) and a diverged run's last save.
    await saveCheckpoint(t.db, { runId: id, epoch: 2, step: 25, bytes });
    await saveCheckpoint(t.db, { runId: id, epoch: 2, step: 27, bytes, weights: modelAt(Number.NaN) });
    await saveCheckpoint(t.db, { runId: id, epoch: 3, step: 30, bytes, weights: modelAt(30) });

    expect(await listCheckpointEpochs(t.db, id)).toEqual([
      { epoch: 1, step: 10 },
      { epoch: 2, step: 20 },
      { epoch: 3, step: 30 },
    ]);
    expect(await readCheckpointWeights(t.db, id, 2)).toEqual({ epoch: 2, step: 20, weights: modelAt(20) });
    expect(await readCheckpointWeights(t.db, id, 7)).toBeNull();
    expect(await listCheckpointEpochs(t.db, "no-such-run")).toEqual([]);
  });

  it("reads the newest epoch's weights, saved as that epoch ended, whatever the order of the saves", async () => {
    const { id } = await createRun(t.db, { projectId: t.projectId, config: configFor("relu") });
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await readCheckpointWeights(t.db, id, "newest")).toBeNull();
    await saveCheckpoint(t.db, { runId: id, epoch: 4, step: 40, bytes, weights: modelAt(40) });
    await saveCheckpoint(t.db, { runId: id, epoch: 3, step: 30, bytes, weights: modelAt(30) });
    // A later save within epoch 4 (a diverged run's last) and one without weights (a hand-back).
    await saveCheckpoint(t.db, { runId: id, epoch: 4, step: 44, bytes, weights: modelAt(Number.NaN) });
    await saveCheckpoint(t.db, { runId: id, epoch: 5, step: 52, bytes });
    expect(await readCheckpointWeights(t.db, id, "newest")).toEqual({
      epoch: 4,
      step: 40,
      weights: modelAt(40),
    });
  });

  it("sums runs per activation with the best final val acc and the three newest runs", async () => {
    const scope = await ensureLocalWorkspace(t.db);
    const ids: string[] = [];
    for (const [i, acc] of [0.7, 0.95, null, 0.8].entries()) {
      const { id } = await createRun(t.db, { projectId: scope.projectId, config: configFor("tanh", i) });
      if (acc !== null) await finishRun(t.db, id, { status: "COMPLETED", summary: { final_val_acc: acc } });
      ids.push(id);
      await pause(5); // distinct createdAt, so "newest" is well defined
    }
    const tanh = (await activationUsage(t.db, scope.projectId)).find((u) => u.activation === "tanh");
    expect(tanh).toMatchObject({ runs: 4, completed: 3, bestValAcc: 0.95, bestRunId: ids[1] });
    expect(tanh?.recent.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(tanh?.recent[1]).toMatchObject({ status: "QUEUED", name: expect.stringContaining("tanh") });
  });

  it("reports no best accuracy for an activation whose runs have not finished", async () => {
    const { id } = await createRun(t.db, { projectId: t.projectId, config: configFor("elu") });
    const elu = (await activationUsage(t.db, t.projectId)).find((u) => u.activation === "elu");
    expect(elu).toEqual({
      activation: "elu",
      runs: 1,
      completed: 0,
      bestValAcc: null,
      bestRunId: null,
      recent: [{ id, name: expect.any(String), status: "QUEUED" }],
    });
    expect(await activationUsage(t.db, "another-project")).toEqual([]);
  });
});
