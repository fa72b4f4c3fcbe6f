import { describe, expect, it } from "vitest";
import { type CompareSeries, queryCompareSeries } from "./compare";
import { downsample } from "./downsample";
import { appendMetrics } from "./metrics";
import { resetRunForRetry } from "./runs";
import { readSeriesColumns } from "./series-packs";
import { testDbForSuite } from "./test-db";
import { rawSqlForTests } from "./testing";

const points = (from: number, to: number, value = (s: number) => 1 / (s + 1)) =>
  Array.from({ length: to - from }, (_, i) => ({
    key: "train/loss",
    step: from + i,
    value: value(from + i),
    wallMs: 1_700_000_000_000 + from + i,
  }));

/** A series with plain arrays, null where a kept downsample holds NaN: what the chart is sent. */
const plain = (s: CompareSeries | undefined) => {
  if (!s) return s;
  const nulled = (xs: ArrayLike<number | null>) => Array.from(xs, (x) => (Number.isNaN(x) ? null : x));
  return {
    ...s,
    steps: Array.from(s.steps),
    values: nulled(s.values),
    min: nulled(s.min),
    max: nulled(s.max),
    wallMs: Array.from(s.wallMs),
  };
};

describe("compare series reads", () => {
  const t = testDbForSuite();
  const keptRows = async (runId: string) =>
    (
      await rawSqlForTests(t.db).all<{ buckets: number; n: number }>(
        'SELECT "buckets", "n" FROM "SeriesDownsample" WHERE "runId" = ? ORDER BY "buckets"',
        [runId],
      )
    ).map((r) => ({ ...r }));

  it("downsamples a long series and sees points written after its pack was built", async () => {
    const runId = await t.newRun();
    await appendMetrics(t.db, runId, points(0, 5000));
    const first = (await queryCompareSeries(t.db, [runId], ["train/loss"], 200))[0];
    expect(first?.total).toBe(5000);
    expect(first?.steps.length).toBeLessThanOrEqual(200);
    expect(plain(first)?.steps.at(-1)).toBe(4999);

    await appendMetrics(t.db, runId, points(5000, 6000)); // the run trains on: the pack is stale now
    const second = (await queryCompareSeries(t.db, [runId], ["train/loss"], 200))[0];
    expect(second?.total).toBe(6000);
    expect(plain(second)?.steps.at(-1)).toBe(5999);
    expect(plain(second)?.values.at(-1)).toBe(1 / 6000);
    expect(await keptRows(runId)).toEqual([{ buckets: 200, n: 6000 }]);
  });

  it("serves the kept downsample exactly as downsampling the points afresh, NaN and spikes included", async () => {
    const runId = await t.newRun();
    const spiky = (s: number) => (s === 1234 ? 50 : s === 4321 ? Number.NaN : Math.sin(s / 97));
    await appendMetrics(t.db, runId, points(0, 7000, spiky));
    const columns = (await readSeriesColumns(t.db, [runId], "train/loss")).get(runId);
    if (!columns) throw new Error("no series");
    const expected = { runId, key: "train/loss", ...downsample(columns, 400) };
    const built = await queryCompareSeries(t.db, [runId], ["train/loss"], 400);
    const kept = await queryCompareSeries(t.db, [runId], ["train/loss"], 400); // read back from the table
    expect(built.map(plain)).toEqual([expected]);
    expect(kept.map(plain)).toEqual([expected]);
    expect(Math.max(...Array.from(kept[0]?.max ?? [], Number))).toBe(50);
    // What the chart does not draw is not read.
    const lean = await queryCompareSeries(t.db, [runId], ["train/loss"], 400, undefined, {
      extremes: false,
      wallKeys: [],
    });
    expect(lean.map(plain)).toEqual([{ ...expected, min: [], max: [], wallMs: [] }]);
  });

  it("keeps one downsample per bucket count and forgets them when a retry deletes the points", async () => {
    const runId = await t.newRun();
    await appendMetrics(t.db, runId, points(0, 3000));
    await queryCompareSeries(t.db, [runId], ["train/loss"], 400);
    await queryCompareSeries(t.db, [runId], ["train/loss"], 800);
    expect(await keptRows(runId)).toEqual([
      { buckets: 400, n: 3000 },
      { buckets: 800, n: 3000 },
    ]);
    await resetRunForRetry(t.db, runId);
    expect(await keptRows(runId)).toEqual([]);
    // The new attempt logs as many points with other values: the chart shows those, not the old ones.
    await appendMetrics(
      t.db,
      runId,
      points(0, 3000, () => 7),
    );
    const after = (await queryCompareSeries(t.db, [runId], ["train/loss"], 400))[0];
    expect(new Set(plain(after)?.values)).toEqual(new Set([7]));
  });

  it("keeps no downsample for a bucket count the web never asks for", async () => {
    const runId = await t.newRun();
    await appendMetrics(t.db, runId, points(0, 3000));
    const odd = (await queryCompareSeries(t.db, [runId], ["train/loss"], 333))[0];
    expect(odd?.steps.length).toBeLessThanOrEqual(333);
    expect(await keptRows(runId)).toEqual([]);
  });

  it("returns nothing for a key the run does not have", async () => {
    const runId = await t.newRun();
    expect(await queryCompareSeries(t.db, [runId], ["val/acc"], 100)).toEqual([]);
  });
});
