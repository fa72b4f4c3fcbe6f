import { ZTrainConfig } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { bestIsMin, bestOf, foldPoint, getMetricSummaries, type SummaryDelta } from "./metric-summary";
import { appendMetrics, type MetricPoint } from "./metrics";
import { createRun } from "./runs";
import { testDbForSuite } from "./test-db";

const config = ZTrainConfig.parse({
  dataset: { kind: "generated", name: "xor" },
  hiddenLayers: [4],
  activation: "relu",
});
const pt = (key: string, step: number, value: number): MetricPoint => ({ key, step, value, wallMs: step });

describe("metric summaries", () => {
  const t = testDbForSuite();
  const newRun = async () => (await createRun(t.db, { projectId: t.projectId, config })).id;
  const summary = async (runId: string, key: string) => (await getMetricSummaries(t.db, [runId], [key]))[0];

  it("keeps last, min and max with their steps and the count across batches", async () => {
    const id = await newRun();
    await appendMetrics(t.db, id, [pt("val/loss", 1, 0.9), pt("val/loss", 2, 0.4), pt("val/acc", 1, 0.5)]);
    await appendMetrics(t.db, id, [pt("val/loss", 3, 0.6), pt("val/loss", 4, 0.5), pt("val/acc", 2, 0.8)]);
    expect(await summary(id, "val/loss")).toMatchObject({
      lastStep: 4,
      lastValue: 0.5,
      minValue: 0.4,
      minStep: 2,
      maxValue: 0.9,
      maxStep: 1,
      count: 4,
    });
    expect(await summary(id, "val/acc")).toMatchObject({
      lastStep: 2,
      lastValue: 0.8,
      maxValue: 0.8,
      count: 2,
    });
  });

  it("leaves summaries unchanged when a batch is replayed", async () => {
    const id = await newRun();
    const batch = [pt("train/loss", 1, 0.7), pt("train/loss", 2, 0.3)];
    await appendMetrics(t.db, id, batch);
    const before = await summary(id, "train/loss");
    await appendMetrics(t.db, id, batch);
    expect(await summary(id, "train/loss")).toEqual(before);
    expect(before?.count).toBe(2);
  });

  it("takes the last value by step even when an older step arrives later", async () => {
    const id = await newRun();
    await appendMetrics(t.db, id, [pt("val/acc", 10, 0.9)]);
    await appendMetrics(t.db, id, [pt("val/acc", 5, 0.95)]);
    expect(await summary(id, "val/acc")).toMatchObject({
      lastStep: 10,
      lastValue: 0.9,
      maxValue: 0.95,
      maxStep: 5,
    });
  });

  it("counts a NaN point and ends on it, but never makes it the min or max", async () => {
    const id = await newRun();
    await appendMetrics(t.db, id, [pt("train/loss", 1, 2), pt("train/loss", 2, Number.NaN)]);
    expect(await summary(id, "train/loss")).toMatchObject({
      lastStep: 2,
      lastValue: null,
      minValue: 2,
      maxValue: 2,
      count: 2,
    });
  });

  it("keeps the first step a tied minimum was reached at", () => {
    const deltas = new Map<string, SummaryDelta>();
    foldPoint(deltas, "val/loss", 7, 0.1);
    foldPoint(deltas, "val/loss", 3, 0.1);
    foldPoint(deltas, "val/loss", 9, 0.1);
    expect(deltas.get("val/loss")).toMatchObject({ minStep: 3, maxStep: 3, lastStep: 9, count: 3 });
  });

  it("derives best as min for loss-like keys and max for the rest", () => {
    expect(bestIsMin("val/loss")).toBe(true);
    expect(bestIsMin("train/batch_loss")).toBe(true);
    expect(bestIsMin("val/acc")).toBe(false);
    const s = { minValue: 0.1, minStep: 4, maxValue: 0.9, maxStep: 8 };
    expect(bestOf({ key: "val/loss", ...s })).toEqual({ value: 0.1, step: 4 });
    expect(bestOf({ key: "val/acc", ...s })).toEqual({ value: 0.9, step: 8 });
  });
});
