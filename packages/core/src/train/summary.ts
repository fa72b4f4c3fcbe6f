/** A run's summary: epochs and steps run, the last value of each headline metric, and the best validation figures. */
import { METRIC } from "../metrics/metric-keys";

const HEADLINE = [
  METRIC.trainLoss,
  METRIC.trainAcc,
  METRIC.valLoss,
  METRIC.valAcc,
  METRIC.testLoss,
  METRIC.testAcc,
] as const;

/**
 * Folds one epoch's metrics into the summary: `final_<split>_<metric>` (e.g. final_val_acc),
 * `best_val_acc` with `best_val_acc_epoch`, and `best_val_loss`.
 */
export function updateSummary(
  summary: Record<string, number>,
  metrics: Record<string, number>,
  epoch: number,
  step: number,
): void {
  summary.epochs_run = epoch;
  summary.steps = step;
  for (const key of HEADLINE) {
    const v = metrics[key];
    if (v !== undefined) summary[`final_${key.replace("/", "_")}`] = v;
  }
  const valAcc = metrics[METRIC.valAcc];
  if (valAcc !== undefined && valAcc > (summary.best_val_acc ?? -1)) {
    summary.best_val_acc = valAcc;
    summary.best_val_acc_epoch = epoch;
  }
  const valLoss = metrics[METRIC.valLoss];
  if (valLoss !== undefined && valLoss < (summary.best_val_loss ?? Number.POSITIVE_INFINITY)) {
    summary.best_val_loss = valLoss;
  }
}
