/** Learning rate at a given step: a per-epoch schedule (constant, step, cosine) times a linear warm-up. */
import type { z } from "zod";
import type { ZSchedule } from "../config";

export type Schedule = z.infer<typeof ZSchedule>;

export type ScheduleConfig = { lr: number; schedule: Schedule; warmupEpochs: number; epochs: number };

/**
 * lr for the step `stepInEpoch` of `epoch` (both 0-based). The warm-up ramps linearly per step from
 * lr/W to lr over the first W = warmupEpochs · stepsPerEpoch steps; cosine then decays from lr to minLr
 * over the remaining epochs.
 */
export function learningRateAt(
  config: ScheduleConfig,
  epoch: number,
  stepInEpoch: number,
  stepsPerEpoch: number,
): number {
  const { lr, schedule, warmupEpochs, epochs } = config;
  const warmupSteps = warmupEpochs * stepsPerEpoch;
  const step = epoch * stepsPerEpoch + stepInEpoch;
  const warm = warmupSteps > 0 && step < warmupSteps ? (step + 1) / warmupSteps : 1;
  switch (schedule.kind) {
    case "constant":
      return lr * warm;
    case "step":
      return lr * schedule.gamma ** Math.floor(epoch / schedule.everyEpochs) * warm;
    case "cosine": {
      const span = Math.max(1, epochs - warmupEpochs);
      const progress = Math.min(1, Math.max(0, epoch - warmupEpochs) / span);
      return (schedule.minLr + (lr - schedule.minLr) * 0.5 * (1 + Math.cos(Math.PI * progress))) * warm;
    }
  }
}
