/** activationInfo for every name, and every metadata claim checked numerically on a grid. */
import { describe, expect, it } from "vitest";
import { activationInfo } from "./info";
import { ACTIVATION_NAMES } from "./names";
import { activationRecord } from "./registry";

const STEP = 0.005;
const GRID = Array.from({ length: 20001 }, (_, i) => -50 + i * STEP);

/** Largest jump of g between neighbours 2δ apart, over the grid plus the usual kink points. */
function largestJump(g: (x: number) => number, delta: number): number {
  let worst = 0;
  for (const x of [...GRID.filter((_, i) => i % 10 === 0), 0, -3, 3]) {
    worst = Math.max(worst, Math.abs(g(x + delta) - g(x - delta)));
  }
  return worst;
}

describe("activationInfo", () => {
  it("describes every activation name with a label and a one-line trade-off", () => {
    for (const name of ACTIVATION_NAMES) {
      const { meta } = activationInfo(name);
      expect(meta.label.length, name).toBeGreaterThan(0);
      expect(meta.tradeoff.length, name).toBeGreaterThan(20);
      expect(meta.tradeoff, name).not.toContain("\n");
    }
  });

  it("explains the plotted instance where a name is a family", () => {
    expect(activationInfo("prelu").plotNote).toContain("0.25");
    expect(activationInfo("mix").plotNote).toContain("relu, tanh, sigmoid and linear");
    expect(activationInfo("softmax").plotNote).toContain("softmax([x, 0])");
    expect(activationInfo("relu").plotNote).toBeUndefined();
  });

  it("plots prelu at α = 0.25, mix as equal weights of relu/tanh/sigmoid/linear, softmax as σ", () => {
    expect(activationInfo("prelu").forward(-2)).toBe(-0.5);
    const expectedMix = (x: number) => (Math.max(x, 0) + Math.tanh(x) + 1 / (1 + Math.exp(-x)) + x) / 4;
    for (const x of [-2, -0.5, 0, 1.5]) {
      expect(activationInfo("mix").forward(x)).toBeCloseTo(expectedMix(x), 14);
      // softmax([x, 0])₀ computed the way softmax is defined
      expect(activationInfo("softmax").forward(x)).toBeCloseTo(Math.exp(x) / (Math.exp(x) + Math.exp(0)), 14);
    }
  });

  it("gives the slope in x alone: matches central differences for every name, away from kinks", () => {
    // h = 1e-5 in double: truncation and rounding errors both below 1e-9 (see scalar/registry.test.ts).
    for (const name of ACTIVATION_NAMES) {
      const info = activationInfo(name);
      for (const x of [-4.1, -2.5, -0.7, 0.3, 1.9, 3.7]) {
        const numeric = (info.forward(x + 1e-5) - info.forward(x - 1e-5)) / 2e-5;
        expect(Math.abs(info.derivative(x) - numeric), `${name} at ${x}`).toBeLessThan(1e-8);
      }
    }
  });

  it("names the learnable parameters of prelu, swish and mix only", () => {
    const learnable = ACTIVATION_NAMES.filter((name) => activationInfo(name).meta.learnable.length > 0);
    expect(learnable).toEqual(["prelu", "swish", "mix"]);
  });
});

describe("activation metadata holds numerically", () => {
  for (const name of ACTIVATION_NAMES) {
    const { meta, forward, derivative } = activationInfo(name);
    const ys = GRID.map(forward);
    const [low, high] = meta.range;

    it(`${name}: outputs on [-50, 50] lie in [${low}, ${high}] and come near each finite bound`, () => {
      const min = Math.min(...ys);
      const max = Math.max(...ys);
      expect(min).toBeGreaterThanOrEqual(low);
      expect(max).toBeLessThanOrEqual(high);
      // A finite bound must be tight: reached within 1e-5, which is what a 0.005 grid can resolve around a
      // smooth minimum (f''·0.0025²/2 < 1e-5). An infinite one must be exceeded further out.
      if (Number.isFinite(low)) expect(min - low).toBeLessThan(1e-5);
      else expect(forward(-1e6)).toBeLessThan(min);
      if (Number.isFinite(high)) expect(high - max).toBeLessThan(1e-5);
      else expect(forward(1e6)).toBeGreaterThan(max);
    });

    it(`${name}: monotonic is ${meta.monotonic}`, () => {
      const decreases = ys.some((y, i) => i > 0 && y < (ys[i - 1] as number));
      if (meta.monotonic) {
        expect(decreases).toBe(false);
        return;
      }
      // prelu and mix are not monotonic in general because what is learned (α, the weights) can go
      // negative; their default plotted curves happen to be monotonic. Every fixed curve must show a dip.
      if (name === "prelu" || name === "mix") expect(meta.learnable.length).toBeGreaterThan(0);
      else expect(decreases).toBe(true);
    });

    it(`${name}: zeroCentred is ${meta.zeroCentred} ⇔ f(0) = 0 with outputs of both signs`, () => {
      const bothSigns = ys.some((y) => y < 0) && ys.some((y) => y > 0);
      expect(forward(0) === 0 && bothSigns).toBe(meta.zeroCentred);
    });

    it(`${name}: smooth is ${meta.smooth} (no jump in f or f' at a 1e-7 scale)`, () => {
      const jump = Math.max(largestJump(forward, 1e-7), largestJump(derivative, 1e-7));
      // A C¹ curve moves by ≤ |f''|·2e-7 < 1e-5 here; a kink or a step moves f' or f by ≥ 0.01.
      if (meta.smooth) expect(jump).toBeLessThan(1e-5);
      else expect(jump).toBeGreaterThan(1e-3);
    });

    it(`${name}: hiddenLayersLearn is ${meta.hiddenLayersLearn} ⇔ some slope is non-zero`, () => {
      const anySlope = GRID.some((x) => derivative(x) !== 0);
      expect(anySlope).toBe(meta.hiddenLayersLearn);
    });
  }

  it("the registry's objects carry their metadata directly (info does not copy or alter it)", () => {
    expect(activationInfo("tanh").meta).toBe(activationRecord("tanh").meta);
  });
});
