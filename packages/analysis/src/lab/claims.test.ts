/**
 * Each claim trained for real on small data: the robust ones must come out confirmed (a trainer regression
 * that breaks one fails here), and every answer's wording must match its own runs' statistics.
 */
import { countSweepRuns, type DatasetSpec, SWEEP_LIMITS, ZSweepSpec } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { findLabClaim, LAB_CLAIMS } from "./index";
import { trainClaim } from "./train-in-process.test-helper";
import type { LabAnswer, LabClaim } from "./types";

const circles: DatasetSpec = {
  kind: "generated",
  name: "circles",
  samples: 400,
  noise: 0.05,
  classes: 2,
  seed: 2,
};
const moons: DatasetSpec = {
  kind: "generated",
  name: "moons",
  samples: 400,
  noise: 0.1,
  classes: 2,
  seed: 2,
};
const spirals: DatasetSpec = {
  kind: "generated",
  name: "spirals",
  samples: 400,
  noise: 0.1,
  classes: 3,
  seed: 1,
};

function answer(id: string, dataset: DatasetSpec, seeds = 3): LabAnswer {
  const claim = findLabClaim(id) as LabClaim;
  return claim.evaluate(
    trainClaim(claim, dataset, seeds),
    dataset.kind === "generated" ? dataset.name : "data",
  );
}

/** A non-significant answer never claims the two are the same, and every answer leads with its outcome. */
function expectHonestWording(a: LabAnswer) {
  expect(a.sentence.startsWith(a.outcome === "not significant" ? "not significant with" : a.outcome)).toBe(
    true,
  );
  expect(a.sentence).not.toMatch(/indistinguishable|\bthe same\b|\bequal\b/i);
  expect(a.wouldChange.length).toBeGreaterThan(10);
}

// Each test trains a whole sweep (up to 45 small runs): seconds on a quiet machine, more under load.
describe("lab claims", { timeout: 120_000 }, () => {
  it("each claim's sweep is a valid spec the server would accept, on any generator", () => {
    for (const claim of LAB_CLAIMS) {
      for (const dataset of [circles, spirals]) {
        const spec = ZSweepSpec.parse({ ...claim.sweep(dataset, 3), confirmed: true });
        expect(countSweepRuns(spec), claim.id).toBeLessThanOrEqual(SWEEP_LIMITS.maxRuns);
      }
    }
    expect(new Set(LAB_CLAIMS.map((c) => c.id)).size).toBe(LAB_CLAIMS.length);
  });

  it("with no finished run, every claim waits instead of answering", () => {
    for (const claim of LAB_CLAIMS) {
      const a = claim.evaluate([], "spirals");
      expect(a.outcome, claim.id).toBe("waiting");
      expect(a.finished).toBe(0);
    }
  });

  it("binary step: confirmed, the step network's gradient exactly 0 at every epoch", () => {
    const a = answer("binary-step", circles);
    expect(a.outcome).toBe("confirmed");
    expect(a.sentence).toContain("exactly 0");
    expectHonestWording(a);
  });

  it("linear collapse: four linear layers are not shown better than one", () => {
    const a = answer("linear-collapse", circles);
    expect(["confirmed", "not significant"]).toContain(a.outcome);
    expectHonestWording(a);
  });

  it("vanishing gradients: confirmed, the sigmoid ratio falls with depth and stays below ReLU's", () => {
    const a = answer("vanishing-sigmoid", moons);
    expect(a.outcome).toBe("confirmed");
    const sigmoid = a.chart?.series.find((s) => s.label === "sigmoid")?.points ?? [];
    expect((sigmoid.at(-1) as [number, number])[1]).toBeLessThan((sigmoid[0] as [number, number])[1]);
    expectHonestWording(a);
  });

  it("dying ReLU: confirmed at the high learning rate, and no leaky or PReLU unit dies", () => {
    const a = answer("dying-relu", moons);
    expect(a.outcome).toBe("confirmed");
    expect(a.sentence).toContain("no leaky ReLU or PReLU unit died");
    expectHonestWording(a);
  });

  it.each(["tanh-vs-sigmoid", "prelu-slope", "softmax-output", "swish-deep", "learned-mix"])(
    "%s: an answer from its own runs, worded as its statistics say",
    (id) => {
      const a = answer(id, spirals, 2);
      expect(a.outcome).not.toBe("waiting");
      expect(a.finished).toBe(a.total);
      expect(a.chart?.series.length).toBeGreaterThan(0);
      expectHonestWording(a);
    },
  );
});
