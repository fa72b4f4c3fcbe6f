import { describe, expect, it } from "vitest";
import { ZSweepSpec } from "./spec";

const base = { dataset: { kind: "generated", name: "moons" }, hiddenLayers: [8], activation: "relu" };
const random = (search: Record<string, unknown>) =>
  ZSweepSpec.safeParse({
    base,
    axes: { activation: ["relu", "tanh"] },
    search: { kind: "random", budget: 2, ...search },
  });
const messages = (r: ReturnType<typeof random>) => (r.success ? [] : r.error.issues.map((i) => i.message));

describe("every number of a sweep spec has its bound", () => {
  it.each([
    [{ lrRange: { min: 1e-4, max: 1e308 } }, "lrRange.max must be ≤ 10"],
    [{ lrRange: { min: 1e308, max: 1e308 } }, "lrRange.min must be ≤ 10"],
    [{ lrRange: { min: 0, max: 1 } }, "lrRange.min must be > 0"],
    [{ seed: 2 ** 53 }, "the search seed must be < 2^31"],
    [{ seed: -1 }, "the search seed must be ≥ 0"],
  ])("refuses %j", (search, message) => {
    expect(messages(random(search))).toContain(message);
  });

  it("refuses a learning-rate axis past the trainer's ceiling", () => {
    const r = ZSweepSpec.safeParse({ base, axes: { lr: [0.1, 1e308] } });
    expect(messages(r)).toContain("learning rates must be ≤ 10");
  });

  it("accepts values at the bounds", () => {
    expect(random({ lrRange: { min: 1e-6, max: 10 }, seed: 2 ** 31 - 1 }).success).toBe(true);
  });
});
