/** The lab's shapes: a claim about activations, the runs of its experiment, and the measured answer. */
import type { DatasetSpec, RunStatus, SweepSpecInput, TrainConfig } from "@actlab/core";

/** One point per epoch: [epoch, value]. */
export type EpochPoint = readonly [number, number];

export type LabRun = {
  id: string;
  status: RunStatus;
  config: TrainConfig;
  /** The series of the keys the claim reads (`LabClaim.keys`), one point per epoch. */
  series: Readonly<Record<string, readonly EpochPoint[]>>;
};

export type LabOutcome =
  /** The data show what the claim says, with the test named in the sentence. */
  | "confirmed"
  /** The data show the opposite, or the claimed effect is absent where it should be plain. */
  | "not confirmed"
  /** The runs cannot tell either way yet: the gap is not significant with this many seeds. */
  | "not significant"
  /** Too few finished runs to measure anything. */
  | "waiting";

export type LabChartSeries = {
  label: string;
  /** [x, y]: epochs on a line chart, the group's index on a bar chart. */
  points: readonly (readonly [number, number])[];
  /** 95% interval half-widths over seeds, one per point, where there is more than one seed. */
  band?: readonly (number | null)[];
};

export type LabChart = {
  kind: "lines" | "bars";
  title: string;
  x: string;
  y: string;
  /** Bar charts: one label per x index. */
  categories?: readonly string[];
  logY?: boolean;
  /** Where the y axis must stop whatever the bands say (an accuracy never leaves 0…1). */
  yBounds?: readonly [number, number];
  series: readonly LabChartSeries[];
};

export type LabAnswer = {
  outcome: LabOutcome;
  /** "confirmed on spirals: …" — the measured figures and the test behind the word. */
  sentence: string;
  /** What more data or another setting would do to the answer. */
  wouldChange: string;
  chart: LabChart | null;
  /** Finished runs the answer is computed from, and runs launched in all. */
  finished: number;
  total: number;
};

export type LabClaim = {
  id: string;
  title: string;
  /** The hypothesis in one sentence. */
  hypothesis: string;
  /** How the experiment tests it, in one sentence. */
  experiment: string;
  /** Multi-class claims need a dataset with more than two classes. */
  needsClasses?: number;
  /** The metric keys the answer reads, besides val/acc. */
  keys: readonly string[];
  /** The sweep that tests the claim on a dataset. */
  sweep: (dataset: DatasetSpec, seeds: number) => SweepSpecInput;
  /** The measured answer from the sweep's runs (any state: unfinished runs are left out). */
  evaluate: (runs: readonly LabRun[], datasetLabel: string) => LabAnswer;
};
