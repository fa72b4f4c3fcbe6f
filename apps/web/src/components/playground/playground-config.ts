/**
 * Which launch-form values the browser can train as they are, and the exact config it trains: the one the
 * form would launch, so "Track this run" sends the same config and seed to the workers.
 */
import { PORTABLE_LAYER_WIDTH, type TrainConfig, ZTrainConfig } from "@actlab/core";
import { isBuiltinTable } from "@/lib/dataset-choice";
import { formToConfig, type RunFormValues } from "@/lib/run-form";

/**
 * The widest layer the playground trains: up to this width the worker multiplies on the same portable
 * kernel as the browser, so both give the same bits (core's PORTABLE_LAYER_WIDTH).
 */
export const PLAYGROUND_MAX_WIDTH = PORTABLE_LAYER_WIDTH;

export type PlaygroundConfig =
  | {
      ok: true;
      config: TrainConfig /** Changes whenever the config does: a new key starts over. */;
      key: string;
    }
  | { ok: false; reason: string };

export function playgroundConfigOf(values: RunFormValues): PlaygroundConfig {
  if (isBuiltinTable(values.dataset))
    return {
      ok: false,
      reason: `The playground trains the 2-D generators; ${values.dataset} trains only on the workers.`,
    };
  const parsed = ZTrainConfig.safeParse(formToConfig(values));
  if (!parsed.success) return { ok: false, reason: "Fix the fields marked above to train here." };
  const config = parsed.data;
  const widest = Math.max(...config.hiddenLayers);
  if (widest > PLAYGROUND_MAX_WIDTH)
    return {
      ok: false,
      reason: `A layer of ${widest} units: networks up to ${PLAYGROUND_MAX_WIDTH} wide train here; larger ones only on the workers.`,
    };
  return { ok: true, config, key: JSON.stringify(config) };
}
