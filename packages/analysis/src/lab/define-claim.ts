/** One claim = its words, the sweep that tests it, and what it reads from the finished runs; the rest is here. */
import type { DatasetSpec, SweepAxes, TrainConfigInput } from "@actlab/core";
import { finishedRuns, type Gap, seedsOf } from "./measure";
import type { LabAnswer, LabChart, LabClaim, LabOutcome, LabRun } from "./types";

/** What every claim's network starts from: two hidden layers of 16, Adam at 0.01, 40 epochs of batches of 32. */
const LAB_BASE = {
  hiddenLayers: [16, 16],
  activation: "relu",
  optimizer: "adam",
  lr: 0.01,
  epochs: 40,
  batchSize: 32,
} as const satisfies Partial<TrainConfigInput>;

/** A claim's sweep: its name, what it changes from the lab's base network, and the axes it varies. */
export type LabSweepPlan = { name: string; changes: Partial<TrainConfigInput>; axes: SweepAxes };

/** What a claim reads from its finished runs: a finding, or what it still waits for. */
export type LabFinding = { chart: LabChart | null } & (
  | { waitingFor: string }
  | {
      outcome: LabOutcome;
      /** Seeds behind the outcome: named when it is not significant. */
      seeds: number;
      /** The measured figures after the sentence's lead ("confirmed on spirals: …"). */
      finding: string;
      wouldChange: string;
    }
);

export type LabClaimSpec = Omit<LabClaim, "sweep" | "evaluate"> & {
  sweep: (dataset: DatasetSpec) => LabSweepPlan;
  measure: (done: readonly LabRun[]) => LabFinding;
};

/** The sentence's lead: "confirmed on spirals", "not significant with 3 seeds on spirals". */
function lead(outcome: LabOutcome, dataset: string, seeds: number): string {
  if (outcome === "not significant") return `not significant with ${seeds} seeds on ${dataset}`;
  if (outcome === "waiting") return `waiting for runs on ${dataset}`;
  return `${outcome} on ${dataset}`;
}

export function defineLabClaim({ sweep, measure, ...words }: LabClaimSpec): LabClaim {
  return {
    ...words,
    sweep(dataset, seeds) {
      const { name, changes, axes } = sweep(dataset);
      return { name, base: { ...LAB_BASE, dataset, ...changes }, axes, seeds };
    },
    evaluate(runs, dataset): LabAnswer {
      const done = finishedRuns(runs);
      const found = measure(done);
      const counts = { chart: found.chart, finished: done.length, total: runs.length };
      if ("waitingFor" in found) {
        return {
          ...counts,
          outcome: "waiting",
          sentence: lead("waiting", dataset, 0),
          wouldChange: found.waitingFor,
        };
      }
      const { outcome, seeds, finding, wouldChange } = found;
      return { ...counts, outcome, sentence: `${lead(outcome, dataset, seeds)}: ${finding}`, wouldChange };
    },
  };
}

/** A two-group comparison's words: what more seeds would do when its gap is not significant, and otherwise. */
export type ComparisonWords = {
  waitingFor: string;
  finding: (g: Gap) => string;
  ifNotSignificant: string;
  otherwise: string;
};

/** A two-group comparison's finding: waiting until its gap can be measured, then the outcome with its seeds. */
export function comparisonFinding(
  chart: LabChart | null,
  g: Gap | null,
  outcome: LabOutcome,
  words: ComparisonWords,
): LabFinding {
  if (!g) return { chart, waitingFor: words.waitingFor };
  return {
    chart,
    outcome,
    seeds: seedsOf(g),
    finding: words.finding(g),
    wouldChange: outcome === "not significant" ? words.ifNotSignificant : words.otherwise,
  };
}
