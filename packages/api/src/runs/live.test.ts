import { createTraining, generateDataset, ZGeneratedDatasetSpec, ZTrainConfig } from "@actlab/core";
import { publishRunEvent } from "@actlab/queue";
import { describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN, testApiForSuite } from "../test-api";

const dataset = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 64 });
const weights = createTraining(
  ZTrainConfig.parse({ dataset, hiddenLayers: [4], activation: "relu", epochs: 1 }),
  generateDataset(dataset),
).weights();

describe("runs.live", () => {
  const api = testApiForSuite();

  it("streams a snapshot, then an epoch's weights that pass the stored weights' check, dropping others", async () => {
    const { id: runId } = await api.caller().runs.create({ config: SMALL_MOONS_RUN });
    const events = (await api.caller().runs.live({ runId }))[Symbol.asyncIterator]();
    const first = await events.next();
    expect(first.value).toMatchObject({ type: "snapshot", run: { id: runId } });

    const broken = { ...weights, layers: weights.layers.map((l) => ({ ...l, b: [] })) };
    await publishRunEvent(api.deps.redis, { type: "weights", runId, epoch: 1, step: 2, weights: broken });
    await publishRunEvent(api.deps.redis, { type: "weights", runId, epoch: 2, step: 4, weights });
    const next = await events.next();
    expect(next.value).toEqual({ type: "weights", runId, epoch: 2, step: 4, weights });
    await events.return?.(undefined);
  });

  it("refuses a viewer of another workspace", async () => {
    const { id: runId } = await api.caller().runs.create({ config: SMALL_MOONS_RUN });
    const stranger = await api.addUser("Stranger");
    const { workspaceId } = await api.addWorkspace(stranger, "Elsewhere");
    const events = (await api.caller(stranger, workspaceId).runs.live({ runId }))[Symbol.asyncIterator]();
    await expect(events.next()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
