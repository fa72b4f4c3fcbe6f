/** A learned mix (Manessi & Rozza, 2018) is a softmax-weighted sum of base activations, weights trained with the net. */
import { diagKey, METRIC, ZActivationOptions } from "@actlab/core";
import { mean } from "../../describe";
import { defineLabClaim } from "../define-claim";
import {
  finals,
  gap,
  gapInPoints,
  matchesOrBeatsOutcome,
  meanCurve,
  percent,
  withActivation,
} from "../measure";
import type { LabChart } from "../types";

const MARGIN = 0.02;
const BASES = ZActivationOptions.parse({}).mixOf;

export const learnedMixClaim = defineLabClaim({
  id: "learned-mix",
  title: "A learned mix of activations matches the best single one",
  hypothesis:
    "A network that learns how to mix several activations per layer does at least as well as the best of them alone.",
  experiment: `A learned mix of ${BASES.join(", ")} against each of them alone, two hidden layers of 16, Adam at 0.01 for 40 epochs; the mix must beat the best single activation or be non-inferior within ${percent(MARGIN)}.`,
  keys: BASES.map((b) => diagKey("l1", `mix/${b}`)),
  sweep: () => ({
    name: "lab: learned mix vs single activations",
    changes: { activation: "mix" },
    axes: { activation: ["mix", ...BASES] },
  }),
  measure(done) {
    const mixRuns = withActivation(done, "mix");
    const chart: LabChart = {
      kind: "lines",
      title: "Mix weights of the first hidden layer",
      x: "epoch",
      y: "weight",
      series: BASES.map((b) => ({ label: b, ...meanCurve(mixRuns, diagKey("l1", `mix/${b}`)) })),
    };
    const singles = BASES.map((b) => ({
      name: b,
      values: finals(withActivation(done, b), METRIC.valAcc),
    }))
      .filter((s) => s.values.length >= 2)
      .sort((x, y) => (mean(y.values) ?? 0) - (mean(x.values) ?? 0));
    const best = singles[0];
    const mix = finals(mixRuns, METRIC.valAcc);
    const g = best ? gap(mix, best.values) : null;
    if (!g || !best) {
      return {
        chart,
        waitingFor: "Two finished seeds of the mix and of each single activation give the first answer.",
      };
    }
    const outcome = matchesOrBeatsOutcome(mix, best.values, MARGIN);
    return {
      chart,
      outcome,
      seeds: Math.min(g.na, g.nb),
      finding: `the best single activation is ${best.name}; the mix − ${best.name} = ${gapInPoints(g)}.`,
      wouldChange:
        outcome === "not significant"
          ? `More seeds narrow the interval: non-inferiority needs its lower end above −${percent(MARGIN)}.`
          : "Another set of base activations, or a problem where none of them fits, could change it.",
    };
  },
});
