/**
 * advanceWithin: runs a training for one time slice (an animation frame's share in the browser's playground)
 * and says what happened in it. The slice only decides where the loop pauses, never what it computes, so
 * any slicing gives the bits of one uninterrupted loop (the worker's).
 */
import type { EndEvent, EpochEvent, TrainEvent } from "./types";

export type TrainingSlice = {
  steps: number;
  /** Epochs that ended within the slice, in order. */
  epochs: EpochEvent[];
  /** Set when the training ended within the slice (completed, diverged or stopped early). */
  end: EndEvent | null;
};

/**
 * Takes events until `budgetMs` have passed since the call or the training ends; at least one event, so a
 * slice always makes progress however small its budget. One step or epoch end runs to its end, so a slice
 * overruns its budget by at most one event.
 */
export function advanceWithin(
  training: Iterator<TrainEvent, void, void>,
  budgetMs: number,
  now: () => number = () => performance.now(),
): TrainingSlice {
  const slice: TrainingSlice = { steps: 0, epochs: [], end: null };
  const start = now();
  do {
    const next = training.next();
    if (next.done) break;
    const event = next.value;
    if (event.type === "step") slice.steps++;
    else if (event.type === "epoch") slice.epochs.push(event);
    else {
      slice.end = event;
      break;
    }
  } while (now() - start < budgetMs);
  return slice;
}
