/** PReLU learns its negative slope α by gradient descent, so the slope it settles on depends on the data. */

import { type DatasetSpec, datasetLabel, diagKey } from "@actlab/core";
import { finiteValues } from "../../describe";
import { defineLabClaim } from "../define-claim";
import { finalValue, gap, groupBy, largerOutcome, lineChart, pValue } from "../measure";

const ALPHA_KEY = diagKey("l1", "alpha");

/** The second problem the slope is learned on: another 2-D generator, so the two differ in shape only. */
function otherProblem(dataset: DatasetSpec): DatasetSpec {
  const isSpirals = dataset.kind === "generated" && dataset.name === "spirals";
  return {
    kind: "generated",
    name: isSpirals ? "moons" : "spirals",
    samples: 600,
    noise: 0.1,
    classes: 2,
    seed: 1,
  };
}

export const preluSlopeClaim = defineLabClaim({
  id: "prelu-slope",
  title: "PReLU's learned slope differs per problem",
  hypothesis:
    "PReLU learns the slope α of its negative side, and the value it settles on differs from one problem to another.",
  experiment:
    "PReLU (one α per layer, starting at 0.25), two hidden layers of 16, Adam at 0.01 for 40 epochs, on the chosen dataset and on a second 2-D problem; α is read every epoch.",
  keys: [ALPHA_KEY],
  sweep: (dataset) => ({
    name: "lab: PReLU slope on two problems",
    changes: { activation: "prelu" },
    axes: { dataset: [dataset, otherProblem(dataset)] },
  }),
  measure(done) {
    const byProblem = [...groupBy(done, (r) => datasetLabel(r.config.dataset))];
    const chart = lineChart(
      "Learned α of the first hidden layer",
      "α",
      byProblem.map(([label, members]) => ({ label, runs: members })),
      ALPHA_KEY,
    );
    const [first, second] = byProblem;
    const alphas = (members: typeof done) => finiteValues(members.map((r) => finalValue(r, ALPHA_KEY)));
    const g = first && second ? gap(alphas(first[1]), alphas(second[1])) : null;
    if (!g || !first || !second) {
      return { chart, waitingFor: "Two finished seeds on each problem give the first answer." };
    }
    const differs = largerOutcome({ ...g, diff: Math.abs(g.diff) });
    const outcome = differs === "confirmed" ? "confirmed" : "not significant";
    const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3);
    return {
      chart,
      outcome,
      seeds: Math.min(g.na, g.nb),
      finding: `α settles at ${mean(alphas(first[1]))} on ${first[0]} and ${mean(alphas(second[1]))} on ${second[0]} (difference ${g.diff.toFixed(3)}, 95% CI ${g.lo.toFixed(3)} … ${g.hi.toFixed(3)}, Welch p ${pValue(g.p)}).`,
      wouldChange:
        outcome === "confirmed"
          ? 'A per-unit α (preluMode "unit") or a longer run would move the values, not the fact that they differ.'
          : "More seeds narrow the interval; a longer run lets α move further from its start.",
    };
  },
});
