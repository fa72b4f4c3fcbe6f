import { appendMetrics, type MetricPoint, RUN_SERIES_MAX_POINTS } from "@actlab/db";
import { describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN as config, testApiForSuite } from "../test-api";

describe("runs.get series", () => {
  const api = testApiForSuite();

  it("returns a long series downsampled to the cap, with its first, last and extreme points", async () => {
    const { id } = await api.caller().runs.create({ config });
    const n = 150_000;
    const points: MetricPoint[] = [];
    for (let step = 1; step <= n; step++) {
      const value = step === 70_001 ? 99 : 1 / step;
      points.push({ key: "train/batch_loss", step, value, wallMs: 1000 + step });
    }
    points.push(
      { key: "val/acc", step: 500, value: 0.5, wallMs: 1500 },
      { key: "val/acc", step: 1000, value: 0.75, wallMs: 2000 },
    );
    for (let i = 0; i < points.length; i += 10_000)
      await appendMetrics(api.db, id, points.slice(i, i + 10_000));

    const started = performance.now();
    const { series } = await api.caller().runs.get({ runId: id });
    console.log(`runs.get of ${n} points: ${Math.round(performance.now() - started)} ms`);
    expect(series.map((s) => s.key)).toEqual(["train/batch_loss", "val/acc"]);
    const [loss, acc] = series;
    expect(loss?.steps.length).toBeLessThanOrEqual(RUN_SERIES_MAX_POINTS);
    expect(loss?.steps.length).toBe(loss?.values.length);
    expect(loss?.steps[0]).toBe(1);
    expect(loss?.steps.at(-1)).toBe(n);
    expect(loss?.values.at(-1)).toBe(1 / n);
    expect(loss?.wallMs.at(-1)).toBe(1000 + n);
    expect(loss?.values).toContain(99); // the spike survives
    expect(acc).toEqual({ key: "val/acc", steps: [500, 1000], values: [0.5, 0.75], wallMs: [1500, 2000] });

    // More points arrive: the next read includes them.
    await appendMetrics(api.db, id, [{ key: "train/batch_loss", step: n + 1, value: 7, wallMs: 0 }]);
    const again = await api.caller().runs.get({ runId: id });
    expect(again.series[0]?.steps.at(-1)).toBe(n + 1);
    expect(again.series[0]?.values.at(-1)).toBe(7);
  }, 30_000);
});
