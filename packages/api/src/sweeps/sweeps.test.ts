import { describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN as base, testApiForSuite } from "../test-api";

describe("sweeps procedures", () => {
  const api = testApiForSuite();

  it("launches activations × learning rates × seeds as one queued run and job each", async () => {
    const { id, runs } = await api.caller().sweeps.create({
      spec: { base, axes: { activation: ["relu", "tanh", "gelu"], lr: [0.1, 0.01] }, seeds: 2 },
    });
    expect(runs).toBe(12);
    const sweep = await api.caller().sweeps.get({ sweepId: id });
    expect(sweep.runs).toHaveLength(12);
    expect(sweep.progress).toMatchObject({ total: 12, done: 0, counts: { QUEUED: 12 } });
    expect(new Set(sweep.runs.map((r) => `${r.activation}/${r.config?.lr}/${r.seed}`)).size).toBe(12);
    for (const run of sweep.runs) expect(await api.queue.getJob(run.id)).toBeDefined();
    const list = await api.caller().sweeps.list({});
    expect(list.find((s) => s.id === id)?.counts).toEqual({ QUEUED: 12 });
  });

  it("marks every run failed when the queue cannot take their jobs, instead of leaving them queued", async () => {
    const launch = api.callerWithQueueDown().sweeps.create({
      spec: { base, axes: { activation: ["relu", "tanh"] }, seeds: 2, name: "queue down" },
    });
    await expect(launch).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringMatching(/unreachable: 4 runs are marked failed/),
    });
    const sweep = (await api.caller().sweeps.list({})).find((s) => s.name === "queue down");
    const { runs } = await api.caller().sweeps.get({ sweepId: sweep?.id ?? "" });
    expect(runs).toHaveLength(4);
    for (const run of runs) {
      expect(run).toMatchObject({
        status: "FAILED",
        error: expect.stringMatching(/^could not reach the queue: /),
      });
      expect(await api.queue.getJob(run.id)).toBeUndefined();
    }
  });

  it("needs confirmation above the limit and refuses absurd sizes", async () => {
    const lr = Array.from({ length: 51 }, (_, i) => (i + 1) / 1000);
    await expect(
      api.caller().sweeps.create({ spec: { base, axes: { lr }, seeds: 2 } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/confirm/),
    });
    await expect(
      api.caller().sweeps.create({
        spec: { base, axes: { lr, activation: ["relu", "tanh"] }, seeds: 40, confirmed: true },
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/4,080 runs; the limit is 500/) });
  });

  it("cancels every open run of a sweep", async () => {
    const { id } = await api
      .caller()
      .sweeps.create({ spec: { base, axes: { activation: ["relu", "elu"] }, seeds: 2 } });
    expect(await api.caller().sweeps.cancel({ sweepId: id })).toEqual({ canceled: 4 });
    const sweep = await api.caller().sweeps.get({ sweepId: id });
    expect(sweep.progress.counts.CANCELED).toBe(4);
    for (const run of sweep.runs) expect(await api.queue.getJob(run.id)).toBeUndefined();
  });
});
