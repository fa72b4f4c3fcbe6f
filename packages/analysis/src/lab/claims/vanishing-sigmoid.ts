/** Sigmoid's derivative is at most 1/4, so a gradient shrinks at every sigmoid layer it passes down. */
import { METRIC } from "@actlab/core";
import { finiteValues, mean } from "../../describe";
import { defineLabClaim } from "../define-claim";
import { gap, layersOfDepth, pValue } from "../measure";
import type { LabChart, LabRun } from "../types";

const RATIO = METRIC.gradRatio;
const DEPTHS = [2, 4, 6, 8];
const ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const;

/** log10 of the first diagnostic's first-layer / output gradient-norm ratio: the untrained network's. */
function logRatio(run: LabRun): number | null {
  const first = run.series[RATIO]?.[0]?.[1];
  return first !== undefined && first > 0 ? Math.log10(first) : null;
}

export const vanishingSigmoidClaim = defineLabClaim({
  id: "vanishing-sigmoid",
  title: "Sigmoid gradients vanish in deep networks",
  hypothesis:
    "Each sigmoid layer multiplies the gradient by at most 1/4, so in a deep sigmoid network the first layer's gradient is orders of magnitude below the output layer's.",
  experiment:
    "Sigmoid, tanh and ReLU × 2, 4, 6 and 8 hidden layers of 16, SGD at 0.1 for 3 epochs; the first-layer / output gradient-norm ratio is measured on the first epoch's probe batch.",
  keys: [RATIO],
  sweep: () => ({
    name: "lab: vanishing gradients over depth",
    changes: { activation: "sigmoid", optimizer: "sgd", lr: 0.1, epochs: 3 },
    axes: { activation: [...ACTIVATIONS], hiddenLayers: DEPTHS.map(layersOfDepth) },
  }),
  measure(done) {
    const ratios = (activation: string, depth: number) =>
      finiteValues(
        done
          .filter((r) => r.config.activation === activation && r.config.hiddenLayers.length === depth)
          .map(logRatio),
      );
    const chart: LabChart = {
      kind: "lines",
      title: "First-layer / output gradient norm at the start",
      x: "hidden layers",
      y: "gradient ratio",
      logY: true,
      series: ACTIVATIONS.map((activation) => ({
        label: activation,
        points: DEPTHS.flatMap((depth) => {
          const m = mean(ratios(activation, depth));
          return m === null ? [] : [[depth, 10 ** m] as const];
        }),
      })),
    };
    const deepest = DEPTHS[DEPTHS.length - 1] as number;
    const shallowest = DEPTHS[0] as number;
    const vsRelu = gap(ratios("relu", deepest), ratios("sigmoid", deepest));
    const overDepth = gap(ratios("sigmoid", shallowest), ratios("sigmoid", deepest));
    if (!vsRelu || !overDepth) {
      return {
        chart,
        waitingFor: "Two finished seeds of the shallowest and deepest configs give the first answer.",
      };
    }
    const bothSignificant = vsRelu.p < 0.05 && overDepth.p < 0.05;
    const bothInDirection = vsRelu.diff > 0 && overDepth.diff > 0;
    const outcome = bothSignificant ? (bothInDirection ? "confirmed" : "not confirmed") : "not significant";
    const factor = (logGap: number) => `${(10 ** logGap).toPrecision(2)}×`;
    const seeds = Math.min(vsRelu.na, vsRelu.nb, overDepth.na, overDepth.nb);
    return {
      chart,
      outcome,
      seeds,
      finding: `with ${deepest} sigmoid layers the first layer's gradient is ${factor(overDepth.diff)} smaller relative to the output's than with ${shallowest} (Welch on log ratios, p ${pValue(overDepth.p)}), and ReLU's ratio at ${deepest} layers is ${factor(vsRelu.diff)} sigmoid's (p ${pValue(vsRelu.p)}).`,
      wouldChange:
        outcome === "confirmed"
          ? "Careful initialisation, batch normalisation or residual connections would narrow the gap; more seeds would not reverse it."
          : "More seeds narrow the intervals of the log ratios.",
    };
  },
});
