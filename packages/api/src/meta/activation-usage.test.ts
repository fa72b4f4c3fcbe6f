import { HIDDEN_ACTIVATIONS } from "@actlab/core";
import { finishRun } from "@actlab/db";
import { describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";

describe("meta.activationUsage", () => {
  const api = testApiForSuite();

  it("gives every hidden activation a row, zero where no run used it", async () => {
    const usage = await api.caller().meta.activationUsage({});
    expect(usage.map((u) => u.activation)).toEqual([...HIDDEN_ACTIVATIONS]);
    expect(usage.find((u) => u.activation === "gelu")).toEqual({
      activation: "gelu",
      runs: 0,
      completed: 0,
      bestValAcc: null,
      bestRunId: null,
      recent: [],
    });
  });

  it("counts a project's runs per activation with the best finished val acc", async () => {
    const dataset = { kind: "generated" as const, name: "xor" as const };
    const a = await api.caller().runs.create({ config: { dataset, hiddenLayers: [4], activation: "mish" } });
    const b = await api
      .caller()
      .runs.create({ config: { dataset, hiddenLayers: [4], activation: "mish", seed: 3 } });
    await finishRun(api.db, a.id, { status: "COMPLETED", summary: { final_val_acc: 0.875 } });
    await finishRun(api.db, b.id, { status: "DIVERGED", summary: { final_val_acc: 0.5 } });
    const mish = (await api.caller().meta.activationUsage({})).find((u) => u.activation === "mish");
    expect(mish).toMatchObject({ runs: 2, completed: 1, bestValAcc: 0.875, bestRunId: a.id });
    expect(mish?.recent.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("refuses a caller who is not signed in", async () => {
    await expect(api.caller(null).meta.activationUsage({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
