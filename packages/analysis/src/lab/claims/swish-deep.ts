/** Swish is smooth and non-monotonic with a non-zero gradient for negative inputs, which helps deep nets train. */
import { METRIC } from "@actlab/core";
import { comparisonFinding, defineLabClaim } from "../define-claim";
import {
  barChart,
  finals,
  gap,
  gapInPoints,
  layersOfDepth,
  matchesOrBeatsOutcome,
  percent,
} from "../measure";

const MARGIN = 0.02;
const DEPTHS = [2, 6];

export const swishDeepClaim = defineLabClaim({
  id: "swish-deep",
  title: "Swish matches or beats ReLU on deeper networks",
  hypothesis: "On a deeper network, swish (x·sigmoid(x)) reaches at least ReLU's accuracy.",
  experiment: `Swish and ReLU × ${DEPTHS.join(" and ")} hidden layers of 16, Adam at 0.01 for 40 epochs; at the deeper depth swish must be better, or non-inferior within ${percent(MARGIN)}.`,
  keys: [],
  sweep: () => ({
    name: "lab: swish vs ReLU over depth",
    changes: {},
    axes: { activation: ["swish", "relu"], hiddenLayers: DEPTHS.map(layersOfDepth) },
  }),
  measure(done) {
    const of = (activation: string, depth: number) =>
      finals(
        done.filter((r) => r.config.activation === activation && r.config.hiddenLayers.length === depth),
        METRIC.valAcc,
      );
    const chart = barChart(
      "Final validation accuracy",
      "val acc",
      DEPTHS.flatMap((d) => ["relu", "swish"].map((a) => ({ label: `${a} × ${d}`, values: of(a, d) }))),
    );
    const deep = DEPTHS[DEPTHS.length - 1] as number;
    const swish = of("swish", deep);
    const relu = of("relu", deep);
    const g = gap(swish, relu);
    const outcome = matchesOrBeatsOutcome(swish, relu, MARGIN);
    return comparisonFinding(chart, g, outcome, {
      waitingFor: "Two finished seeds of each at the deeper depth give the first answer.",
      finding: (g) =>
        `with ${deep} hidden layers, swish − ReLU = ${gapInPoints(g)}${outcome === "confirmed" && g.p >= 0.05 ? `, non-inferior within ${percent(MARGIN)}` : ""}.`,
      ifNotSignificant: `More seeds narrow the interval: non-inferiority needs its lower end above −${percent(MARGIN)}.`,
      otherwise:
        "Deeper networks or harder data widen swish's reported edge; Adam at a lower learning rate narrows it.",
    });
  },
});
