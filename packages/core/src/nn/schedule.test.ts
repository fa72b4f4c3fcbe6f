import { describe, expect, it } from "vitest";
import { learningRateAt, type ScheduleConfig } from "./schedule";

const cfg = (over: Partial<ScheduleConfig>): ScheduleConfig => ({
  lr: 0.1,
  schedule: { kind: "constant" },
  warmupEpochs: 0,
  epochs: 10,
  ...over,
});

describe("learningRateAt", () => {
  it("keeps a constant rate", () => {
    expect(learningRateAt(cfg({}), 7, 3, 5)).toBe(0.1);
  });

  it("multiplies by gamma every everyEpochs epochs", () => {
    const c = cfg({ schedule: { kind: "step", everyEpochs: 3, gamma: 0.5 } });
    expect(learningRateAt(c, 2, 4, 5)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(c, 3, 0, 5)).toBeCloseTo(0.05, 12);
    expect(learningRateAt(c, 6, 0, 5)).toBeCloseTo(0.025, 12);
  });

  it("decays along a cosine from lr at the first epoch to minLr at the last", () => {
    const c = cfg({ schedule: { kind: "cosine", minLr: 0.01 }, epochs: 10 });
    expect(learningRateAt(c, 0, 0, 5)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(c, 5, 0, 5)).toBeCloseTo(0.055, 12);
    expect(learningRateAt(c, 10, 0, 5)).toBeCloseTo(0.01, 12);
  });

  it("ramps linearly per step over the warm-up epochs, then follows the schedule", () => {
    const c = cfg({ warmupEpochs: 2 });
    expect(learningRateAt(c, 0, 0, 5)).toBeCloseTo(0.01, 12);
    expect(learningRateAt(c, 1, 0, 5)).toBeCloseTo(0.06, 12);
    expect(learningRateAt(c, 1, 4, 5)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(c, 2, 0, 5)).toBe(0.1);
  });
});
