/** Softmax makes the outputs one distribution over the classes, which is what cross-entropy scores. */

import type { DatasetSpec } from "@actlab/core";
import { METRIC } from "@actlab/core";
import { comparisonFinding, defineLabClaim } from "../define-claim";
import { barChart, finals, gap, gapInPoints, largerOutcome } from "../measure";

/** Generators that can make more than two classes make three here; tables keep their own classes. */
function multiClass(dataset: DatasetSpec): DatasetSpec {
  if (dataset.kind !== "generated") return dataset;
  if (dataset.name !== "spirals" && dataset.name !== "gaussians") return dataset;
  return { ...dataset, classes: Math.max(dataset.classes, 3) };
}

export const softmaxOutputClaim = defineLabClaim({
  id: "softmax-output",
  title: "Softmax belongs at the output of a multi-class classifier",
  hypothesis:
    "A softmax output trained with cross-entropy classifies better than one independent sigmoid per class trained with binary cross-entropy.",
  experiment:
    "ReLU network with two hidden layers of 16, Adam at 0.01 for 40 epochs, softmax + cross-entropy against per-class sigmoid + binary cross-entropy, on data with three or more classes.",
  needsClasses: 3,
  keys: [],
  sweep: (dataset) => ({
    name: "lab: softmax vs per-class sigmoid outputs",
    changes: { dataset: multiClass(dataset) },
    axes: { loss: ["cross_entropy", "bce"] },
  }),
  measure(done) {
    const softmax = finals(
      done.filter((r) => r.config.loss === "cross_entropy"),
      METRIC.valAcc,
    );
    const sigmoid = finals(
      done.filter((r) => r.config.loss === "bce"),
      METRIC.valAcc,
    );
    const chart = barChart("Final validation accuracy", "val acc", [
      { label: "softmax + cross-entropy", values: softmax },
      { label: "sigmoid per class + BCE", values: sigmoid },
    ]);
    const g = gap(softmax, sigmoid);
    return comparisonFinding(chart, g, largerOutcome(g), {
      waitingFor: "Two finished seeds of each give the first answer.",
      finding: (g) => `softmax + cross-entropy is ${gapInPoints(g)} per-class sigmoids.`,
      ifNotSignificant:
        "More seeds narrow the interval; on easy data both reach the ceiling, so a harder problem (more classes, more noise) separates them.",
      otherwise:
        "Multi-label data (several true classes at once) is where per-class sigmoids belong instead.",
    });
  },
});
