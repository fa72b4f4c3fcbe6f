/** The kink conventions at exactly 0 and ±3, pinned to PyTorch's. */
import { describe, expect, it } from "vitest";
import { DEFAULT_ACTIVATION_SETTINGS } from "../record";
import { activationRecord } from "../registry";
import { leakyCurve } from "./leaky-relu";

const relu = activationRecord("relu").scalar(DEFAULT_ACTIVATION_SETTINGS);
const step = activationRecord("step").scalar(DEFAULT_ACTIVATION_SETTINGS);
const linear = activationRecord("linear").scalar(DEFAULT_ACTIVATION_SETTINGS);
const hardSigmoid = activationRecord("hard_sigmoid").scalar(DEFAULT_ACTIVATION_SETTINGS);
const hardSwish = activationRecord("hard_swish").scalar(DEFAULT_ACTIVATION_SETTINGS);
const leakyDefault = activationRecord("leaky_relu").scalar(DEFAULT_ACTIVATION_SETTINGS);

describe("kink conventions (PyTorch's)", () => {
  it("relu'(0) = 0 and relu passes NaN through", () => {
    expect(relu.derivative(0, 0)).toBe(0);
    expect(relu.derivative(1e-300, 1e-300)).toBe(1);
    expect(relu.forward(Number.NaN)).toBeNaN();
  });

  it("leaky_relu and prelu take the negative slope at exactly 0", () => {
    expect(leakyDefault.derivative(0, 0)).toBe(0.01);
    expect(leakyCurve(0.2).derivative(0, 0)).toBe(0.2);
    expect(activationRecord("prelu").scalar(DEFAULT_ACTIVATION_SETTINGS).derivative(0, 0)).toBe(0.25);
    const prelu = activationRecord("prelu").scalar({ ...DEFAULT_ACTIVATION_SETTINGS, preluInit: -0.5 });
    expect(prelu.forward(-2)).toBe(1);
  });

  it("step is 1 from 0 on and its derivative is 0 everywhere, so hidden layers get no gradient", () => {
    expect(step.forward(0)).toBe(1);
    expect(step.forward(-1e-300)).toBe(0);
    for (let x = -5; x <= 5; x += 0.25) expect(step.derivative(x, step.forward(x))).toBe(0);
    expect(activationRecord("step").meta.hiddenLayersLearn).toBe(false);
  });

  it("hard_sigmoid is relu6(x + 3)/6 with zero slope at ±3", () => {
    expect(hardSigmoid.forward(-3)).toBe(0);
    expect(hardSigmoid.forward(0)).toBe(0.5);
    expect(hardSigmoid.forward(3)).toBe(1);
    expect(hardSigmoid.derivative(-3, 0)).toBe(0);
    expect(hardSigmoid.derivative(3, 1)).toBe(0);
    expect(hardSigmoid.derivative(2.999, Number.NaN)).toBeCloseTo(1 / 6, 15);
  });

  it("hard_swish is x·relu6(x + 3)/6 with slope -0.5 at -3 and 1 at 3", () => {
    expect(hardSwish.forward(-1.5)).toBe(-0.375);
    expect(hardSwish.forward(3)).toBe(3);
    expect(hardSwish.derivative(-3, 0)).toBe(-0.5);
    expect(hardSwish.derivative(-3.001, 0)).toBe(0);
    expect(hardSwish.derivative(3, 3)).toBe(1);
    expect(hardSwish.derivative(2.999, Number.NaN)).toBeCloseTo(2.999 / 3 + 0.5, 15);
  });

  it("linear has slope 1", () => {
    expect(linear.derivative(-7, -7)).toBe(1);
  });
});
