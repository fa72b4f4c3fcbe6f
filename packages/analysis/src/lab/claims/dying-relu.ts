/** A ReLU whose input stays negative has derivative 0 and never recovers: large steps push units there. */
import { DIAG_STAT, diagKey } from "@actlab/core";
import { finiteValues } from "../../describe";
import { defineLabClaim } from "../define-claim";
import { barChart, finalOverLayers, gap, percent, pValue } from "../measure";

const LOW_LR = 0.01;
const HIGH_LR = 3;
const ACTIVATIONS = ["relu", "leaky_relu", "prelu"] as const;

export const dyingReluClaim = defineLabClaim({
  id: "dying-relu",
  title: "ReLU units die at high learning rates; leaky ReLU and PReLU prevent it",
  hypothesis:
    "A large learning rate pushes ReLU units where their input is always negative, their gradient 0 for good; leaky ReLU and PReLU keep a slope there, so their units cannot die.",
  experiment: `ReLU, leaky ReLU and PReLU × learning rates ${LOW_LR} and ${HIGH_LR} (SGD), two hidden layers of 32, 10 epochs; dead units (derivative 0 on every probe sample) are counted every epoch.`,
  keys: [diagKey("l1", DIAG_STAT.deadFrac), diagKey("l2", DIAG_STAT.deadFrac)],
  sweep: () => ({
    name: "lab: dying ReLU over learning rates",
    changes: { hiddenLayers: [32, 32], optimizer: "sgd", lr: LOW_LR, epochs: 10 },
    axes: { activation: [...ACTIVATIONS], lr: [LOW_LR, HIGH_LR] },
  }),
  measure(done) {
    const dead = (activation: string, lr: number) =>
      finiteValues(
        done
          .filter((r) => r.config.activation === activation && r.config.lr === lr)
          .map((r) => finalOverLayers(r, "dead_frac")),
      );
    const chart = barChart(
      "Dead units at the end (largest share over the hidden layers)",
      "dead fraction",
      ACTIVATIONS.flatMap((a) =>
        [LOW_LR, HIGH_LR].map((lr) => ({ label: `${a} @ ${lr}`, values: dead(a, lr) })),
      ),
    );
    const overLr = gap(dead("relu", HIGH_LR), dead("relu", LOW_LR));
    const reluHigh = dead("relu", HIGH_LR);
    const others = [...dead("leaky_relu", HIGH_LR), ...dead("prelu", HIGH_LR)];
    if (!overLr || others.length === 0) {
      return {
        chart,
        waitingFor:
          "Two finished seeds of ReLU at each learning rate, and one leaky ReLU or PReLU run at the high one, give the first answer.",
      };
    }
    const othersDie = Math.max(...others) > 0;
    const seeds = Math.min(overLr.na, overLr.nb);
    const reluDies = overLr.p < 0.05 && overLr.diff > 0;
    const outcome = othersDie
      ? "not confirmed"
      : reluDies
        ? "confirmed"
        : overLr.p < 0.05
          ? "not confirmed"
          : "not significant";
    const meanHigh = reluHigh.reduce((a, b) => a + b, 0) / reluHigh.length;
    return {
      chart,
      outcome,
      seeds,
      finding: othersDie
        ? `a leaky ReLU or PReLU unit ended with derivative 0 on every probe sample (up to ${percent(Math.max(...others))} of a layer), which their slope should prevent.`
        : `at lr ${HIGH_LR}, ${percent(meanHigh)} of ReLU units end dead, ${percent(overLr.diff)} more than at lr ${LOW_LR} (Welch p ${pValue(overLr.p)}); no leaky ReLU or PReLU unit died.`,
      wouldChange:
        outcome === "confirmed"
          ? "A smaller learning rate, careful initialisation or Adam keeps more ReLU units alive; more seeds would not revive them."
          : "More seeds, or a higher learning rate, would show whether ReLU's dead share really grows.",
    };
  },
});
