import { describe, expect, it } from "vitest";
import { prisma } from "./client";
import { appendMetrics, countMetricPoints, queryMetricSeries } from "./metrics";
import { testDbForSuite } from "./test-db";

describe("metric storage", () => {
  const t = testDbForSuite();

  it("stores a replayed batch once: writes are idempotent on (run, key, step)", async () => {
    const runId = await t.newRun();
    const batch = [
      { key: "train/loss", step: 10, value: 0.5, wallMs: 1 },
      { key: "train/loss", step: 20, value: 0.4, wallMs: 2 },
      { key: "val/acc", step: 20, value: 0.9, wallMs: 2 },
    ];
    await appendMetrics(t.db, runId, batch);
    await appendMetrics(t.db, runId, batch);
    expect(await countMetricPoints(t.db, runId)).toBe(3);
  });

  it("takes batches written at once (concurrent MLflow log-batch calls) one after another, losing none", async () => {
    const other = await t.newRun();
    const batches = [0, 1, 2, 3].map((b) =>
      Array.from({ length: 50 }, (_, i) => ({ key: `k${b}`, step: i, value: i / 50, wallMs: i })),
    );
    await Promise.all(batches.map((batch) => appendMetrics(t.db, other, batch)));
    expect(await countMetricPoints(t.db, other)).toBe(200);
  });

  it("reads series per key in step order, keeping non-finite values as gaps", async () => {
    const runId = await t.newRun();
    // Written out of step order, over two batches.
    await appendMetrics(t.db, runId, [
      { key: "train/loss", step: 20, value: 0.4, wallMs: 2 },
      { key: "train/loss", step: 10, value: 0.5, wallMs: 1 },
    ]);
    await appendMetrics(t.db, runId, [
      { key: "train/loss", step: 30, value: Number.NaN, wallMs: 3 },
      { key: "train/loss", step: 5, value: 0.7, wallMs: 0 },
    ]);
    const loss = (await queryMetricSeries(t.db, runId, ["train/loss"]))[0];
    expect(loss?.steps).toEqual([5, 10, 20, 30]);
    expect(loss?.values).toEqual([0.7, 0.5, 0.4, null]);
  });

  it("flattens the config into params for filtering", async () => {
    const runId = await t.newRun();
    const params = await t.db[prisma].param.findMany({ where: { runId } });
    const byKey = Object.fromEntries(params.map((p) => [p.key, p]));
    expect(byKey["dataset.name"]?.value).toBe("xor");
    expect(byKey.hiddenLayers?.value).toBe("4");
    expect(byKey.lr?.valueNum).toBe(0.1);
  });
});
