/** sweeps.addSeeds: the same sweep with more seeds, new runs on the next seeds, the spec kept true. */
import type { TrainConfigInput } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";

const base: TrainConfigInput = {
  dataset: { kind: "generated", name: "moons" },
  hiddenLayers: [4],
  activation: "relu",
  epochs: 2,
  seed: 5,
};

const api = testApiForSuite();

describe("sweeps.addSeeds", () => {
  it("adds runs on the next seeds of every config and queues them", async () => {
    const { id } = await api.caller().sweeps.create({
      spec: { base, axes: { activation: ["relu", "tanh"] }, seeds: 2 },
    });
    const jobsBefore = await api.queue.count();
    expect(await api.caller().sweeps.addSeeds({ sweepId: id, seeds: 3 })).toEqual({ added: 6, seeds: 5 });
    const sweep = await api.caller().sweeps.get({ sweepId: id });
    const seedsOf = (activation: string) =>
      sweep.runs
        .filter((r) => r.activation === activation)
        .map((r) => r.seed)
        .sort((a, b) => a - b);
    expect(seedsOf("relu")).toEqual([5, 6, 7, 8, 9]);
    expect(seedsOf("tanh")).toEqual([5, 6, 7, 8, 9]);
    expect(await api.queue.count()).toBe(jobsBefore + 6);
    expect(sweep.name).toBe("moons sweep · 10 runs");
    // The stored spec says five seeds now: the next "+1" continues at seed 10.
    await api.caller().sweeps.addSeeds({ sweepId: id, seeds: 1 });
    const again = await api.caller().sweeps.get({ sweepId: id });
    expect(again.runs.filter((r) => r.activation === "relu").map((r) => r.seed)).toContain(10);
  });

  it("refuses an unknown sweep, a viewer, and seeds past the limit, each with its message", async () => {
    await expect(api.caller().sweeps.addSeeds({ sweepId: "nope", seeds: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { id } = await api
      .caller()
      .sweeps.create({ spec: { base, axes: { activation: ["relu"] }, seeds: 1 } });
    const viewer = await api.addUser("Viewer");
    await api.addMember(viewer, "VIEWER");
    await expect(api.caller(viewer).sweeps.addSeeds({ sweepId: id, seeds: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(api.caller().sweeps.addSeeds({ sweepId: id, seeds: 0 })).rejects.toThrow(
      /at least one seed/,
    );
    await expect(api.caller().sweeps.addSeeds({ sweepId: id, seeds: 1000 })).rejects.toThrow(/at most/);
  });
});
