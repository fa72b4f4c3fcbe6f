/**
 * Every metric key Actlab writes, by name. The strings are stored and spoken over the MLflow API, so they
 * never change; code names them through these constants (and the `diag/<layer>/<stat>` helpers below).
 */
export const METRIC = {
  trainLoss: "train/loss",
  trainAcc: "train/acc",
  /** Every `logEverySteps` steps, between the epoch points. */
  trainBatchLoss: "train/batch_loss",
  valLoss: "val/loss",
  valAcc: "val/acc",
  testLoss: "test/loss",
  testAcc: "test/acc",
  lr: "lr",
  /** The epoch number at the step an epoch ended: maps steps to epochs. */
  epoch: "epoch",
  epochSeconds: "time/epoch_s",
  samplesPerSec: "perf/samples_per_s",
  cpuPct: "sys/cpu_pct",
  rssMb: "sys/rss_mb",
  /** ‖∇ first layer‖ / ‖∇ output layer‖. */
  gradRatio: "diag/grad_ratio",
} as const;
export type MetricKey = (typeof METRIC)[keyof typeof METRIC];

/** The unit a metric's axis is labelled with; keys not listed are plain numbers (losses, fractions). */
export const METRIC_UNITS: Partial<Record<MetricKey, string>> = {
  [METRIC.epochSeconds]: "s",
  [METRIC.samplesPerSec]: "samples/s",
  [METRIC.cpuPct]: "%",
  [METRIC.rssMb]: "MB",
};

/** Key families by prefix: the column picker orders by them and reproducibility splits on them. */
export const METRIC_PREFIX = {
  train: "train/",
  val: "val/",
  test: "test/",
  diag: "diag/",
  time: "time/",
  perf: "perf/",
  sys: "sys/",
} as const;

/** The per-layer statistics the diagnostics probe records as `diag/<layer>/<stat>`. */
export const DIAG_STAT = {
  gradNorm: "grad_norm",
  weightNorm: "weight_norm",
  actMean: "act_mean",
  actStd: "act_std",
  deadFrac: "dead_frac",
  satFrac: "sat_frac",
} as const;

/** A layer's name in diagnostics keys: `l1`, `l2`, … for hidden layers (1-based), `out` for the output layer. */
export const diagLayerName = (index: number, depth: number): string =>
  index === depth - 1 ? "out" : `l${index + 1}`;

export const diagKey = (layer: string, stat: string): string => `${METRIC_PREFIX.diag}${layer}/${stat}`;

const DIAG_LAYER_KEY = /^diag\/(l(\d+)|out)\/(.+)$/;

/**
 * Reads a per-layer key: the layer, its hidden-layer number (null for the output layer) and the stat,
 * which may itself hold a slash (`mix/relu`). Null for any other key, `diag/grad_ratio` included.
 */
export function parseDiagKey(key: string): { layer: string; hidden: number | null; stat: string } | null {
  const m = DIAG_LAYER_KEY.exec(key);
  if (!m?.[1] || !m[3]) return null;
  return { layer: m[1], hidden: m[2] ? Number(m[2]) : null, stat: m[3] };
}

export const isDiagnosticMetric = (key: string): boolean => key.startsWith(METRIC_PREFIX.diag);
