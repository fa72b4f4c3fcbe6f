import { ZTrainConfig } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { readComparisonVersions } from "./comparison-versions";
import { appendMetrics, type MetricPoint } from "./metrics";
import { createRun, finishRun, markRunStarted, resetRunForRetry, updateRunProgress } from "./runs";
import { testDbForSuite } from "./test-db";

const config = ZTrainConfig.parse({
  dataset: { kind: "generated", name: "xor" },
  hiddenLayers: [4],
  activation: "relu",
});
const pt = (key: string, step: number): MetricPoint => ({ key, step, value: step / 10, wallMs: step });

describe("comparison fingerprints", () => {
  const t = testDbForSuite();
  const version = async (id: string) => (await readComparisonVersions(t.db, t.projectId, [id])).get(id);

  it("moves with every point, progress, finish and retry of a run, and stays put otherwise", async () => {
    const { id } = await createRun(t.db, { projectId: t.projectId, config });
    const seen = new Set<string | undefined>();
    const changes = [
      () => markRunStarted(t.db, id),
      () => appendMetrics(t.db, id, [pt("val/loss", 1)]),
      () => appendMetrics(t.db, id, [pt("val/loss", 2)]),
      () => appendMetrics(t.db, id, [pt("val/acc", 2)]), // a new key
      () => updateRunProgress(t.db, id, { epoch: 1, step: 2, json: "{}" }),
      () => finishRun(t.db, id, { status: "COMPLETED" }),
      () => resetRunForRetry(t.db, id),
    ];
    seen.add(await version(id));
    for (const change of changes) {
      await new Promise((r) => setTimeout(r, 2)); // updatedAt has millisecond resolution
      await change();
      const v = await version(id);
      expect(seen.has(v)).toBe(false);
      seen.add(v);
    }
    expect(await version(id)).toBe(await version(id));
  });

  it("names only the runs of the project asked about", async () => {
    const { id } = await createRun(t.db, { projectId: t.projectId, config });
    expect((await readComparisonVersions(t.db, "another-project", [id])).size).toBe(0);
    expect([...(await readComparisonVersions(t.db, t.projectId, [id, "no-such-run"])).keys()]).toEqual([id]);
  });
});
