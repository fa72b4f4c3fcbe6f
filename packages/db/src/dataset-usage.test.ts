import { ZTrainConfig } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { listDatasetUsage } from "./dataset-usage";
import { createSweep } from "./sweeps";
import { testDbForSuite } from "./test-db";

describe("listDatasetUsage", () => {
  const t = testDbForSuite();

  it("counts each dataset's runs, names its latest run and the sweeps that used it", async () => {
    await t.newRun({ dataset: { kind: "generated", name: "moons" } });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later createdAt, so "latest" is one run
    const newest = await t.newRun({ dataset: { kind: "generated", name: "moons" } });
    const config = ZTrainConfig.parse({
      dataset: { kind: "builtin", name: "iris" },
      hiddenLayers: [4],
      activation: "relu",
    });
    const { sweepId, runIds } = await createSweep(t.db, {
      projectId: t.projectId,
      name: "iris sweep",
      spec: {},
      configs: [config, { ...config, seed: 1 }],
    });
    const usage = Object.fromEntries((await listDatasetUsage(t.db, t.projectId)).map((u) => [u.dataset, u]));
    expect(usage.moons).toMatchObject({ runs: 2, latestRunId: newest, sweeps: [] });
    expect(usage.iris?.runs).toBe(2);
    expect(runIds).toContain(usage.iris?.latestRunId);
    expect(usage.iris?.sweeps).toEqual([{ id: sweepId, name: "iris sweep" }]);
  });
});
