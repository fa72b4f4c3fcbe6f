/** tanh is sigmoid rescaled to be zero-centred, which keeps the next layer's updates from sharing one sign. */
import { METRIC } from "@actlab/core";
import { finiteValues, mean } from "../../describe";
import { comparisonFinding, defineLabClaim } from "../define-claim";
import { gap, gapInPoints, largerOutcome, valAccByActivation, withActivation } from "../measure";
import type { LabRun } from "../types";

/** Mean validation accuracy over the run's epochs: the area under its learning curve, higher when it learns sooner. */
function learningArea(run: LabRun): number | null {
  const values = finiteValues((run.series[METRIC.valAcc] ?? []).map(([, v]) => v));
  return mean(values);
}

export const tanhVsSigmoidClaim = defineLabClaim({
  id: "tanh-vs-sigmoid",
  title: "tanh converges faster than sigmoid",
  hypothesis:
    "tanh is zero-centred where sigmoid is not, so with plain gradient descent a tanh network learns in fewer epochs.",
  experiment:
    "Two hidden layers of 16, tanh against sigmoid, SGD at 0.1 for 30 epochs; speed is the mean validation accuracy over the epochs (the area under the learning curve).",
  keys: [],
  sweep: () => ({
    name: "lab: tanh vs sigmoid",
    changes: { activation: "tanh", optimizer: "sgd", lr: 0.1, epochs: 30 },
    axes: { activation: ["tanh", "sigmoid"] },
  }),
  measure(done) {
    const tanh = withActivation(done, "tanh");
    const sigmoid = withActivation(done, "sigmoid");
    const g = gap(finiteValues(tanh.map(learningArea)), finiteValues(sigmoid.map(learningArea)));
    const chart = valAccByActivation({ tanh, sigmoid });
    return comparisonFinding(chart, g, largerOutcome(g), {
      waitingFor: "Two finished seeds of each give the first answer.",
      finding: (g) =>
        `averaged over its 30 epochs, tanh's validation accuracy is ${gapInPoints(g)} sigmoid's.`,
      ifNotSignificant:
        "More seeds narrow the interval; so would a longer comparison window if both are still learning.",
      otherwise:
        "An adaptive optimiser (Adam) largely hides the difference; the claim is about plain gradient descent.",
    });
  },
});
