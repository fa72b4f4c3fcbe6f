/** The binary step's derivative is 0 wherever it exists, so backpropagation cannot move its layer. */
import { DIAG_STAT, diagKey, METRIC } from "@actlab/core";
import { defineLabClaim } from "../define-claim";
import { finals, gap, gapInPoints, percent, valAccByActivation, withActivation } from "../measure";
import type { LabRun } from "../types";

const GRAD = diagKey("l1", DIAG_STAT.gradNorm);

/** The largest first-layer gradient norm a run recorded at any epoch. */
function largestGradient(run: LabRun): number {
  return Math.max(0, ...(run.series[GRAD] ?? []).map(([, v]) => Math.abs(v)));
}

export const binaryStepClaim = defineLabClaim({
  id: "binary-step",
  title: "The binary step cannot learn by backpropagation",
  hypothesis:
    "The binary step's derivative is 0 wherever it exists, so no gradient reaches the layers below it: its hidden layer never learns, and only the output layer can fit the random features it is left with.",
  experiment:
    "One hidden layer of 16 units, step against ReLU, Adam at 0.01 for 30 epochs; the first layer's gradient norm is measured every epoch.",
  keys: [GRAD],
  sweep: () => ({
    name: "lab: binary step vs ReLU",
    changes: { hiddenLayers: [16], epochs: 30 },
    axes: { activation: ["step", "relu"] },
  }),
  measure(done) {
    const step = withActivation(done, "step");
    const relu = withActivation(done, "relu");
    const g = gap(finals(relu, METRIC.valAcc), finals(step, METRIC.valAcc));
    const chart = valAccByActivation({ step, relu });
    if (!g || step.length === 0) {
      return { chart, waitingFor: "Two finished seeds of each activation give the first answer." };
    }
    const stepGradient = Math.max(...step.map(largestGradient));
    const stepAcc = percent(finals(step, METRIC.valAcc).reduce((a, b) => a + b, 0) / step.length);
    if (stepGradient > 0) {
      return {
        chart,
        outcome: "not confirmed",
        seeds: step.length,
        finding: `a gradient reached the step network's hidden layer (norm up to ${stepGradient.toPrecision(3)}), so something other than the step's derivative carried it.`,
        wouldChange:
          "A step derivative of exactly 0 would give a gradient norm of 0; a non-zero one points at the trainer.",
      };
    }
    // The claim is about the gradient, which is measured exactly; the accuracy gap is context, with its test.
    const reluLearns = relu.some((r) => largestGradient(r) > 0);
    const gapWords =
      g.p < 0.05 && g.diff > 0
        ? `ReLU ${gapInPoints(g)} above it`
        : `ReLU ${gapInPoints(g)} above it, not significant with ${Math.min(g.na, g.nb)} seeds: the output layer alone fits this data well`;
    return {
      chart,
      outcome: "confirmed",
      seeds: step.length,
      finding: `the step network's first-layer gradient was exactly 0 at every epoch of all ${step.length} seeds${reluLearns ? " while ReLU's was not" : ""}, so its hidden layer never moved; it reached ${stepAcc} validation accuracy, ${gapWords}.`,
      wouldChange:
        "More seeds cannot give a step a gradient; a surrogate (straight-through) gradient would let its hidden layer learn.",
    };
  },
});
