import { createTraining, generateDataset, ZGeneratedDatasetSpec, ZTrainConfig } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { readCheckpointWeights } from "./checkpoint-reads";
import { latestCheckpoint, saveCheckpoint } from "./checkpoints";
import { rawSql } from "./client";
import { createRun } from "./runs";
import { testDbForSuite } from "./test-db";

describe("checkpoints", () => {
  const t = testDbForSuite();

  it("stores a 12×512 net's weights as Float32 bytes, no JSON number arrays, and reads them back exactly", async () => {
    const dataset = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 64 });
    const config = ZTrainConfig.parse({
      dataset,
      hiddenLayers: Array(12).fill(512),
      activation: "tanh",
      epochs: 1,
    });
    const training = createTraining(config, generateDataset(dataset));
    for (const _ of training);
    const weights = training.weights();
    const { id } = await createRun(t.db, { projectId: t.projectId, config });
    await saveCheckpoint(t.db, { runId: id, epoch: 1, step: 2, bytes: training.checkpoint(), weights });

    // The legacy JSON column stays empty: the weights are bytes; moons keeps no misclassified images.
    const row = (await t.db[rawSql].get<{
      weights: string | null;
      misclassified: string | null;
      size: number;
      blob: Buffer;
    }>(
      `SELECT "weights", "misclassified", length("weightBytes") AS "size", "weightBytes" AS "blob" FROM "Checkpoint" WHERE "runId" = ?`,
      [id],
    )) as { weights: string | null; misclassified: string | null; size: number; blob: Buffer };
    expect(row.weights).toBeNull();
    expect(row.misclassified).toBeNull();
    expect(Buffer.isBuffer(row.blob)).toBe(true);
    const numbers = weights.layers.reduce(
      (n, l) => n + l.W.length + l.b.length + l.activationParams.length,
      0,
    );
    expect(numbers).toBeGreaterThan(2_600_000);
    // 4 bytes a number plus a header; the old JSON took ~20 bytes a number.
    expect(row.size).toBeLessThan(4 * (numbers + 4) + 4096);
    // The only text is the header after the magic and its length: shapes and options, no number arrays.
    const header = row.blob.subarray(12, 12 + row.blob.readUInt32LE(8)).toString("utf8");
    expect(JSON.parse(header).layers).toHaveLength(13);
    expect(header).not.toMatch(/\[\s*-?\d/);

    // Compared as Float32 bits in one buffer each: a deep equal over millions of elements takes minutes.
    const bits = (w: typeof weights) =>
      Buffer.from(Float32Array.from(w.layers.flatMap((l) => [...l.W, ...l.b, ...l.activationParams])).buffer);
    const back = await readCheckpointWeights(t.db, id, 1);
    expect(back && bits(back.weights).equals(bits(weights))).toBe(true);
    expect(back?.weights.layers.map((l) => [l.inputs, l.units])).toEqual(
      weights.layers.map((l) => [l.inputs, l.units]),
    );
    const saved = await latestCheckpoint(t.db, id);
    expect(saved && Buffer.from(saved.bytes).equals(Buffer.from(training.checkpoint()))).toBe(true);
  }, 60_000);

  it("still reads the JSON weights of checkpoints saved before weights were bytes", async () => {
    const runId = await t.newRun();
    const legacy = { activation: "relu", layers: [{ W: [0.5, -0.25], b: [0.125] }] };
    await t.db[rawSql].run(
      'INSERT INTO "Checkpoint" ("runId", "epoch", "step", "bytes", "weights") VALUES (?, 3, 30, ?, ?)',
      [runId, Buffer.from([1]), JSON.stringify(legacy)],
    );
    expect(await readCheckpointWeights(t.db, runId, 3)).toEqual({ epoch: 3, step: 30, weights: legacy });
  });
});
