import type { RunEvent } from "@actlab/queue";
import { describe, expect, it } from "vitest";
import { createPendingRecords } from "./pending-records";

const live = (epoch: number): RunEvent => ({
  type: "weights",
  runId: "r",
  epoch,
  step: epoch * 10,
  weights: { layers: [] } as never,
});

describe("pending records", () => {
  it("hands over every epoch's checkpoint, the newest progress and only the newest live weights", () => {
    const pending = createPendingRecords();
    pending.pushAll({ "train/loss": 1 }, 10, 0);
    pending.checkpoint({ epoch: 1, step: 10, bytes: new Uint8Array(4) }, live(1));
    pending.checkpoint({ epoch: 2, step: 20, bytes: new Uint8Array(6) }, live(2));
    const progress = { epoch: 2, epochs: 3, step: 20, totalSteps: 30, samplesPerSec: 1, etaSec: null };
    pending.progress(progress);
    // The final checkpoint lands on the last epoch's step: it replaces that one and keeps its live weights.
    pending.checkpoint({ epoch: 2, step: 20, bytes: new Uint8Array(8) }, null);
    expect(pending.checkpointBytes).toBe(12);

    const batch = pending.take();
    expect(batch.points).toEqual([{ key: "train/loss", step: 10, value: 1, wallMs: 0 }]);
    expect(batch.checkpoints.map((c) => [c.step, c.bytes.byteLength])).toEqual([
      [10, 4],
      [20, 8],
    ]);
    expect(batch.progress).toEqual(progress);
    expect(batch.liveWeights).toEqual(live(2));
    expect(pending.take()).toEqual({ points: [], checkpoints: [], progress: null, liveWeights: null });
    expect(pending.checkpointBytes).toBe(0);
  });
});
