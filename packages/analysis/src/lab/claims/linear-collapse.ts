/** Linear layers compose into one linear map, so depth adds nothing without a non-linearity. */
import { METRIC } from "@actlab/core";
import { tostEquivalence } from "../../tost";
import { defineLabClaim } from "../define-claim";
import { barChart, finals, gap, gapInPoints, noBetterOutcome, percent } from "../measure";
import type { LabRun } from "../types";

const MARGIN = 0.02;
const SHALLOW = [16];
const DEEP = [16, 16, 16, 16];

const depthIs = (layers: readonly number[]) => (run: LabRun) =>
  run.config.hiddenLayers.length === layers.length;

export const linearCollapseClaim = defineLabClaim({
  id: "linear-collapse",
  title: "Deep linear networks collapse into one layer",
  hypothesis:
    "A stack of linear layers is one linear map, so a deep linear network does no better than a single linear layer.",
  experiment:
    "Linear and ReLU activations × one and four hidden layers of 16, Adam at 0.01 for 40 epochs; the deep linear net is tested for equivalence with the shallow one (TOST, ±2 pts).",
  keys: [],
  sweep: () => ({
    name: "lab: linear collapse",
    changes: { hiddenLayers: SHALLOW, activation: "linear" },
    axes: { activation: ["linear", "relu"], hiddenLayers: [SHALLOW, DEEP] },
  }),
  measure(done) {
    const of = (activation: string, layers: readonly number[]) =>
      finals(
        done.filter((r) => r.config.activation === activation && depthIs(layers)(r)),
        METRIC.valAcc,
      );
    const deepLinear = of("linear", DEEP);
    const shallowLinear = of("linear", SHALLOW);
    const deepRelu = of("relu", DEEP);
    const chart = barChart("Final validation accuracy", "val acc", [
      { label: "linear × 1", values: shallowLinear },
      { label: "linear × 4", values: deepLinear },
      { label: "relu × 1", values: of("relu", SHALLOW) },
      { label: "relu × 4", values: deepRelu },
    ]);
    const g = gap(deepLinear, shallowLinear);
    const outcome = noBetterOutcome(deepLinear, shallowLinear, MARGIN);
    if (!g) {
      return { chart, waitingFor: "Two finished seeds of each config give the first answer." };
    }
    const tost = tostEquivalence(deepLinear, shallowLinear, MARGIN);
    const relu = gap(deepRelu, deepLinear);
    const reluNote = relu ? `; four ReLU layers: ${gapInPoints(relu)} over four linear ones` : "";
    const seeds = Math.min(g.na, g.nb);
    const finding =
      outcome === "confirmed"
        ? `four linear layers are within ±${percent(MARGIN)} of one (${gapInPoints(g)}, TOST p = ${tost?.p.toFixed(3)})${reluNote}.`
        : outcome === "not confirmed"
          ? `four linear layers beat one by ${gapInPoints(g)}${reluNote}.`
          : `four linear layers vs one: ${gapInPoints(g)}, neither a difference nor equivalence within ±${percent(MARGIN)} shown${reluNote}.`;
    return {
      chart,
      outcome,
      seeds,
      finding,
      wouldChange:
        outcome === "not significant"
          ? `More seeds narrow the interval: equivalence needs it inside ±${percent(MARGIN)}.`
          : "A wider margin or a dataset a linear model fits already would not change it; adding a non-linearity would.",
    };
  },
});
