import { createTraining, imageShape, ZTrainConfig } from "@actlab/core";
import { loadDataset } from "@actlab/datasets";
import { saveCheckpoint } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";

const config = ZTrainConfig.parse({
  dataset: { kind: "builtin", name: "digits" },
  hiddenLayers: [8],
  activation: "relu",
  epochs: 1,
});

describe("runs.misclassified", () => {
  const api = testApiForSuite();
  let runId: string;
  beforeAll(async () => {
    ({ id: runId } = await api.caller().runs.create({ config }));
  });

  it("says so before the run kept any", async () => {
    await expect(api.caller().runs.misclassified({ runId, epoch: "newest" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("no misclassified images yet"),
    });
  });

  it("returns the kept mistakes as pictures with their predicted and true class names", async () => {
    const dataset = await loadDataset(config.dataset);
    const training = createTraining(config, dataset);
    for (const _ of training);
    const samples = training.misclassified(5);
    const image = imageShape(dataset.featureNames);
    expect(image).toEqual({ width: 8, height: 8 });
    await saveCheckpoint(api.db, {
      runId,
      epoch: 1,
      step: training.position().step,
      bytes: training.checkpoint(),
      misclassified: {
        image: image as { width: number; height: number },
        classNames: dataset.classNames,
        samples,
      },
    });
    const shown = await api.caller().runs.misclassified({ runId, epoch: "newest" });
    expect(shown.epoch).toBe(1);
    expect(shown.image).toEqual({ width: 8, height: 8 });
    expect(shown.samples).toHaveLength(5);
    for (const [i, s] of shown.samples.entries()) {
      const kept = samples[i] as (typeof samples)[number];
      expect(s.pixels).toEqual(kept.features);
      expect(s.predicted).toBe(dataset.classNames[kept.predicted]);
      expect(s.actual).toBe(dataset.classNames[kept.actual]);
      expect(s.predicted).not.toBe(s.actual);
    }
  });

  it("refuses stored mistakes that do not fill their picture", async () => {
    await prismaForTests(api.db).checkpoint.updateMany({
      where: { runId },
      data: {
        misclassified: JSON.stringify({
          image: { width: 8, height: 8 },
          classNames: ["0", "1"],
          samples: [{ row: 0, predicted: 0, actual: 1, features: [1, 2] }],
        }),
      },
    });
    await expect(api.caller().runs.misclassified({ runId, epoch: 1 })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
  });

  it("does not show another workspace's run", async () => {
    const stranger = await api.addUser("Stranger");
    const { workspaceId } = await api.addWorkspace(stranger, "Elsewhere");
    await expect(
      api.caller(stranger, workspaceId).runs.misclassified({ runId, epoch: "newest" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
