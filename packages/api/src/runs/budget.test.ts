import { BUDGETS } from "@actlab/core";
import { prismaForTests } from "@actlab/db/testing";
import { describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN as small, testApiForSuite } from "../test-api";

describe("launch budgets", () => {
  const api = testApiForSuite();

  it("refuses a run whose network, steps or metric points exceed the budget, and stores nothing", async () => {
    const runsBefore = await prismaForTests(api.db).run.count();
    const mnist = { kind: "builtin", name: "mnist" } as const;
    await expect(
      api
        .caller()
        .runs.create({ config: { dataset: mnist, hiddenLayers: Array(12).fill(4096), activation: "relu" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "this network has 187,850,762 parameters; the limit is 20,000,000",
    });
    await expect(
      api.caller().runs.create({
        config: {
          ...small,
          batchSize: 1,
          epochs: 1000,
          dataset: { kind: "generated", name: "moons", samples: 100_000 },
        },
      }),
    ).rejects.toMatchObject({ message: "this run takes 80,000,000 optimiser steps; the limit is 2,000,000" });
    await expect(
      api.caller().runs.create({
        config: {
          ...small,
          epochs: 1000,
          logEverySteps: 1,
          dataset: { kind: "generated", name: "moons", samples: 20_000 },
        },
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^this run records about [\d,]+ metric points; the limit is 500,000$/),
    });
    expect(await prismaForTests(api.db).run.count()).toBe(runsBefore);
    // A 784-512-512-10 MNIST run is within every budget.
    await expect(
      api.caller().runs.create({
        config: { dataset: mnist, hiddenLayers: [512, 512], activation: "relu", epochs: 20, batchSize: 64 },
      }),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("refuses a sweep above the run budget, or with one run over budget", async () => {
    const lr = Array.from({ length: 51 }, (_, i) => (i + 1) / 1000);
    await expect(
      api.caller().sweeps.create({
        spec: { base: small, axes: { lr, activation: ["relu", "tanh"] }, seeds: 5, confirmed: true },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/510 runs; the limit is 500/),
    });
    await expect(
      api.caller().sweeps.create({
        spec: {
          base: { ...small, dataset: { kind: "builtin", name: "mnist" } },
          axes: { hiddenLayers: [[8], [4096, 4096, 4096]] },
        },
      }),
    ).rejects.toMatchObject({
      message: "run 2 of 2: this network has 36,818,954 parameters; the limit is 20,000,000",
    });
  });

  it("refuses launches past the workspace's open-run budget, and counts only that workspace", async () => {
    const open = await prismaForTests(api.db).run.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
    const filler = Array.from({ length: BUDGETS.maxOpenRuns - open }, (_, i) => ({
      projectId: api.projectId,
      name: `filler ${i}`,
      status: i % 2 ? "QUEUED" : "RUNNING",
      config: "{}",
      activation: "relu",
      dataset: "moons",
      seed: 0,
    }));
    await prismaForTests(api.db).run.createMany({ data: filler });
    await expect(api.caller().runs.create({ config: small })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message:
        "this workspace would have 1,001 queued or running runs; the limit is 1,000; wait for some to finish or cancel them",
    });
    await expect(
      api.caller().sweeps.create({ spec: { base: small, axes: { activation: ["relu", "tanh"] } } }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another workspace has its own budget.
    const other = await api.addWorkspace(api.userId, "Other lab");
    await expect(
      api.caller().runs.create({ projectId: other.projectId, config: small }),
    ).resolves.toBeDefined();
    // Finished runs no longer count.
    await prismaForTests(api.db).run.updateMany({
      where: { name: "filler 0" },
      data: { status: "COMPLETED" },
    });
    await expect(api.caller().runs.create({ config: small })).resolves.toBeDefined();
  });
});
