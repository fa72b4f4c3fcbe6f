/** The weights event of an epoch that just ended, for a network small enough to stream (else null: pages ask). */
import type { SavedModel } from "@actlab/core";
import { LIVE_WEIGHTS_MAX_VALUES, type RunEvent } from "@actlab/queue";

export function liveWeightsEvent(
  runId: string,
  at: { epoch: number; step: number },
  weights: SavedModel,
): RunEvent | null {
  let values = 0;
  for (const layer of weights.layers)
    values += layer.W.length + layer.b.length + layer.activationParams.length;
  if (values > LIVE_WEIGHTS_MAX_VALUES) return null;
  return { type: "weights", runId, epoch: at.epoch, step: at.step, weights };
}
