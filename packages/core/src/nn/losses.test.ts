import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { countCorrect, type LossKind, lossForward, outputUnits, toProbabilities } from "./losses";

const labels = Int32Array.of(0, 2, 1, 2);
const rows = labels.length;

function randomOutputs(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => 2 * rng.normal());
}

describe("lossForward", () => {
  it("computes softmax cross-entropy as the batch mean of −log p(label)", () => {
    const out = Float32Array.of(1, 2, 3, 0, 0, 0);
    const y = Int32Array.of(2, 0);
    const row1 = -Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
    const row2 = Math.log(3);
    expect(lossForward("cross_entropy", out, y, 0, 2, 3, null)).toBeCloseTo((row1 + row2) / 2, 10);
  });

  it("stays finite for huge logits", () => {
    const out = Float32Array.of(1e30, -1e30, 0, 3e38);
    expect(lossForward("cross_entropy", out, Int32Array.of(1, 0), 0, 2, 2, null)).toBeCloseTo(
      (2e30 + 3e38) / 2,
      -30,
    );
    const bce = lossForward("bce", Float32Array.of(1e30, -1e30), Int32Array.of(1, 1), 0, 2, 1, null);
    expect(bce).toBeCloseTo(1e30 / 2, -25);
  });

  it("computes binary cross-entropy on one sigmoid unit for two classes", () => {
    expect(outputUnits("bce", 2)).toBe(1);
    const z = 0.7;
    const p = 1 / (1 + Math.exp(-z));
    const loss = lossForward("bce", Float32Array.of(z, z), Int32Array.of(1, 0), 0, 2, 1, null);
    expect(loss).toBeCloseTo((-Math.log(p) - Math.log(1 - p)) / 2, 6);
  });

  it("computes MSE between softmax probabilities and the one-hot target, averaged over all elements", () => {
    const out = Float32Array.of(0, Math.log(3));
    const loss = lossForward("mse", out, Int32Array.of(0), 0, 1, 2, null);
    // p = [0.25, 0.75], target [1, 0]: ((0.75)² + (0.75)²) / 2.
    expect(loss).toBeCloseTo(0.5625, 6);
  });

  const cases: [LossKind, number][] = [
    ["cross_entropy", 3],
    ["mse", 3],
    ["bce", 3],
  ];
  for (const [kind, classes] of cases) {
    it(`has a gradient that matches central finite differences (${kind}, ${classes} classes)`, () => {
      const units = outputUnits(kind, classes);
      const out = randomOutputs(rows * units, 7);
      const grad = new Float32Array(out.length);
      lossForward(kind, out, labels, 0, rows, units, grad);
      // Divide by the step float32 actually stored, not by 2h, so input rounding does not bias the quotient.
      const h = 1e-3;
      for (let i = 0; i < out.length; i++) {
        const plus = Float32Array.from(out);
        const minus = Float32Array.from(out);
        plus[i] = (out[i] as number) + h;
        minus[i] = (out[i] as number) - h;
        const dPlus = (plus[i] as number) - (out[i] as number);
        const dMinus = (out[i] as number) - (minus[i] as number);
        const fd =
          (lossForward(kind, plus, labels, 0, rows, units, null) -
            lossForward(kind, minus, labels, 0, rows, units, null)) /
          (dPlus + dMinus);
        expect(Math.abs(fd - (grad[i] as number))).toBeLessThan(1e-4);
      }
    });
  }
  it("matches the finite-difference gradient for BCE on a single unit", () => {
    const out = randomOutputs(rows, 3);
    const y = Int32Array.of(0, 1, 1, 0);
    const grad = new Float32Array(rows);
    lossForward("bce", out, y, 0, rows, 1, grad);
    for (let i = 0; i < rows; i++) {
      const z = out[i] as number;
      const p = 1 / (1 + Math.exp(-z));
      expect(grad[i]).toBeCloseTo((p - (y[i] as number)) / rows, 6);
    }
  });

  it("reads labels from the given offset", () => {
    const out = Float32Array.of(5, 0, 0);
    const a = lossForward("cross_entropy", out, Int32Array.of(1, 1, 0), 2, 1, 3, null);
    expect(a).toBeCloseTo(lossForward("cross_entropy", out, Int32Array.of(0), 0, 1, 3, null), 12);
  });
});

describe("countCorrect and toProbabilities", () => {
  it("counts argmax hits, and the sign of a single unit", () => {
    expect(countCorrect(Float32Array.of(1, 3, 2, 0.5, 0.1, 0), Int32Array.of(1, 2), 0, 2, 3)).toBe(1);
    expect(countCorrect(Float32Array.of(2, -1, 0.5), Int32Array.of(1, 0, 0), 0, 3, 1)).toBe(2);
  });

  it("gives rows of probabilities that sum to one for every head", () => {
    for (const kind of ["cross_entropy", "mse", "bce"] as const) {
      for (const classes of [2, 4]) {
        const units = outputUnits(kind, classes);
        const out = randomOutputs(3 * units, classes);
        const probs = new Float32Array(3 * classes);
        toProbabilities(kind, out, 3, classes, probs);
        for (let r = 0; r < 3; r++) {
          const row = Array.from(probs.subarray(r * classes, (r + 1) * classes));
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
          expect(Math.min(...row)).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});
