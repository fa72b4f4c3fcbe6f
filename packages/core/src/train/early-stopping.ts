/** Early stopping on a validation metric: stop after `patience` epochs without an improvement > minDelta. */
import type { TrainConfig } from "../config";
import { METRIC } from "../metrics/metric-keys";

export type EarlyStoppingState = { best: number; bestEpoch: number; badEpochs: number };

export function initialEarlyStopping(): EarlyStoppingState {
  return { best: Number.NaN, bestEpoch: 0, badEpochs: 0 };
}

/** Records this epoch's metric value; training stops once badEpochs reaches the patience. */
export function updateEarlyStopping(
  rule: NonNullable<TrainConfig["earlyStopping"]>,
  state: EarlyStoppingState,
  value: number,
  epoch: number,
): void {
  const higherIsBetter = rule.metric === METRIC.valAcc;
  const improved =
    Number.isNaN(state.best) ||
    (higherIsBetter ? value > state.best + rule.minDelta : value < state.best - rule.minDelta);
  if (improved) {
    state.best = value;
    state.bestEpoch = epoch;
    state.badEpochs = 0;
    return;
  }
  state.badEpochs++;
}
