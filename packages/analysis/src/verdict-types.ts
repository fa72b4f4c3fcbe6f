/** The sweep verdict's input (one record per run) and output (one row per group) shapes. */
import { METRIC, type RunStatus } from "@actlab/core";
import { z } from "zod";

export const VERDICT_METRICS = [METRIC.valAcc, METRIC.trainAcc] as const;
export type VerdictMetric = (typeof VERDICT_METRICS)[number];

export const ZVerdictOptions = z.object({
  /** Accuracy a run must reach to count as converged; default 95% of the best group's mean, rounded. */
  target: z
    .number({ error: "target must be a number" })
    .gt(0, "target accuracy must be > 0")
    .max(1, "target accuracy must be ≤ 1 (a fraction, e.g. 0.9)")
    .optional(),
  metric: z
    .enum(VERDICT_METRICS, { error: `metric must be one of ${VERDICT_METRICS.join(", ")}` })
    .default(METRIC.valAcc),
  /** Significance level of the difference test and of the equivalence test. */
  alpha: z.number().gt(0, "alpha must be > 0").lt(0.5, "alpha must be < 0.5").default(0.05),
  /** Equivalence margin in accuracy points: "equivalent" only when TOST shows |difference| < margin. */
  margin: z
    .number({ error: "margin must be a number" })
    .gt(0, "equivalence margin must be > 0 points")
    .max(50, "equivalence margin must be ≤ 50 points")
    .default(1),
});
export type VerdictOptions = z.input<typeof ZVerdictOptions>;

export type Series = { steps: readonly number[]; values: readonly (number | null)[] };

export type VerdictRun = {
  id: string;
  /** The run's value of the grouping hyperparameter ("relu", "0.01"). */
  group: string;
  status: RunStatus;
  dataset?: string | null;
  /** Run.summary: final_val_acc, final_val_loss, … */
  summary: Record<string, number> | null;
  /** The verdict metric's series (val/acc by default), one point per epoch. */
  metric: Series;
  /** The `epoch` key: step → epoch. */
  epochs: Series;
  /** time/epoch_s. */
  epochSeconds: Series;
  /** The last diag/<layer>/dead_frac of each hidden layer. */
  deadFrac: readonly (number | null)[];
  /** The last diag/grad_ratio (first-layer / last-layer gradient norm). */
  gradRatio: number | null;
  /** Identifies the run's config apart from its seed and the grouping param: runs of a group that differ here are pooled. */
  configKey?: string;
};

export type MeanStd = { mean: number | null; std: number | null };

export type GroupVerdict = {
  group: string;
  /** 1 = best mean final accuracy; null for a group with no completed run. */
  rank: number | null;
  /** Completed runs: the seeds the statistics are over. */
  n: number;
  diverged: number;
  /** FAILED or CANCELED: not evidence about the group, left out. */
  excluded: number;
  /** QUEUED or RUNNING. */
  pending: number;
  finalAcc: MeanStd & { min: number | null; max: number | null; values: number[] };
  finalLoss: MeanStd;
  target: { reached: number; of: number; epochs: number | null; seconds: number | null };
  secondsPerEpoch: number | null;
  /** Mean dead-unit share over hidden layers and seeds, in percent. */
  deadPct: number | null;
  /** Geometric mean over seeds of first-layer / last-layer gradient norm. */
  gradRatio: number | null;
  /** Against the best group (null for the best itself): difference in accuracy points, its standard error, Welch p. */
  /** p: Welch's two-sided p-value, Holm-adjusted over every comparison with the best; pRaw: unadjusted. */
  vsBest: {
    diffPoints: number;
    sePoints: number | null;
    p: number | null;
    pRaw?: number | null;
    df: number | null;
    /** 95% Welch interval of the difference, in points. */
    ciLoPoints: number | null;
    ciHiPoints: number | null;
    /** TOST p for |difference| < margin (null without two seeds a side). */
    tostP: number | null;
  } | null;
};

export type Verdict = {
  groupBy: string;
  metric: VerdictMetric;
  target: number | null;
  targetIsDefault: boolean;
  alpha: number;
  /** Equivalence margin, accuracy points. */
  margin: number;
  dataset: string | null;
  groups: GroupVerdict[];
  best: string | null;
  finishedRuns: number;
  pendingRuns: number;
  /** True when some group pools runs that differ in more than their seed: its n counts runs, not seeds. */
  pooled: boolean;
  sentence: string;
};
