import { rawSqlForTests } from "@actlab/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BenchLine,
  type BenchTarget,
  measureLogBatch,
  measureLogMetric,
  measureSearchRuns,
  seedSearchRuns,
  startBenchTarget,
} from "./measure";

let target: BenchTarget;

beforeAll(async () => {
  target = await startBenchTarget();
}, 60_000);
afterAll(() => target.server.close());

function expectWellFormed(line: BenchLine, name: string, unit: string, n: number) {
  expect(line).toMatchObject({ name, unit, n, machine: expect.stringMatching(/^\d+ cores/) });
  expect(Number.isFinite(line.value) && line.value > 0).toBe(true);
  expect(JSON.parse(JSON.stringify(line))).toEqual(line);
}

describe("pnpm bench api measurements, at a tiny size", () => {
  it("log-batch: points/s through REST and through the trainer's path, and their ratio", async () => {
    const line = await measureLogBatch(target, 2);
    expectWellFormed(line, "api.log_batch_points_per_s", "points/s", 2000);
    const baseline = line.baseline as { value: number; what: string };
    expect(baseline.value).toBeGreaterThan(0);
    expect(line.ratio).toBeCloseTo(line.value / baseline.value, 2);
    // Every point reached the database through each path.
    const counts = await rawSqlForTests(target.server.db).all<{ n: number }>(
      'SELECT COUNT(*) AS "n" FROM "Metric" GROUP BY "runId" ORDER BY "runId"',
    );
    expect(counts.map((c) => c.n)).toEqual([2000, 2000]);
  });

  it("log-metric: a p95 in ms over the timed calls", async () => {
    const line = await measureLogMetric(target, 20, 5);
    expectWellFormed(line, "api.log_metric_p95_ms", "ms", 20);
    expect(line.p50 as number).toBeLessThanOrEqual(line.value);
  });

  it("search: a p95 in ms over seeded runs, with a full page of matches", async () => {
    const line = await measureSearchRuns(target, await seedSearchRuns(target, 50), 5);
    expectWellFormed(line, "api.search_runs_p95_ms", "ms", 5);
    // 10 relu runs among 50, about half of them above 0.5.
    expect(line.returned).toBeGreaterThan(0);
    expect(line.returned).toBeLessThanOrEqual(10);
  });
});
