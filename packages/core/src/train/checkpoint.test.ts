import { describe, expect, it } from "vitest";
import { decodeCheckpoint, encodeCheckpoint, type TrainingSnapshot } from "./checkpoint";

const snapshot: TrainingSnapshot = {
  fingerprint: "2-4-2|22|adam|abc",
  step: 17,
  epoch: 2,
  stepInEpoch: 3,
  permEpoch: 2,
  lossSum: 0.1 + 0.2,
  correct: 9,
  seen: 12,
  lr: 0.001,
  optimizerSteps: 17,
  rng: [1, 2, 3, 4294967295],
  early: { best: Number.NaN, bestEpoch: 0, badEpochs: 0 },
  summary: { best_val_acc: 0.75, best_val_loss: Number.POSITIVE_INFINITY },
  params: Float32Array.of(1.5, -2.25, 3e-8),
  optimizerState: [Float32Array.of(0.1, 0.2, 0.3), Float32Array.of(4, 5, 6)],
  perm: Int32Array.of(2, 0, 1),
};

describe("checkpoint format", () => {
  it("round-trips every field exactly, non-finite numbers included", () => {
    expect(decodeCheckpoint(encodeCheckpoint(snapshot))).toEqual(snapshot);
  });

  it("decodes from a byte array that starts at an odd offset of a larger buffer", () => {
    const bytes = encodeCheckpoint(snapshot);
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    expect(decodeCheckpoint(padded.subarray(1))).toEqual(snapshot);
  });

  it("rejects bytes that are not a checkpoint, and truncated ones", () => {
    expect(() => decodeCheckpoint(new TextEncoder().encode("hello world, not a checkpoint"))).toThrow(
      /not an Actlab/,
    );
    const bytes = encodeCheckpoint(snapshot);
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated/);
  });
});
