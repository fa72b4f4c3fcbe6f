import { describe, expect, it } from "vitest";
import { queryCompareSeries } from "./compare";
import { appendMetrics } from "./metrics";
import { testDbForSuite } from "./test-db";

describe("compare series reads", () => {
  const t = testDbForSuite();

  it("downsamples a long series and sees points written after its pack was built", async () => {
    const runId = await t.newRun();
    const points = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({
        key: "train/loss",
        step: from + i,
        value: 1 / (from + i + 1),
        wallMs: from + i,
      }));
    await appendMetrics(t.db, runId, points(0, 5000));
    const first = (await queryCompareSeries(t.db, [runId], ["train/loss"], 100))[0];
    expect(first?.total).toBe(5000);
    expect(first?.steps.length).toBeLessThanOrEqual(100);
    expect(first?.steps.at(-1)).toBe(4999);

    await appendMetrics(t.db, runId, points(5000, 6000)); // the run trains on: the pack is stale now
    const second = (await queryCompareSeries(t.db, [runId], ["train/loss"], 100))[0];
    expect(second?.total).toBe(6000);
    expect(second?.steps.at(-1)).toBe(5999);
    expect(second?.values.at(-1)).toBe(1 / 6000);
  });

  it("returns nothing for a key the run does not have", async () => {
    const runId = await t.newRun();
    expect(await queryCompareSeries(t.db, [runId], ["val/acc"], 100)).toEqual([]);
  });
});
